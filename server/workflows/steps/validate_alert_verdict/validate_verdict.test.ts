import { validateAlertVerdictInputSchema } from '../../../../common/workflows';
import { validateAlertVerdictHandler } from './handler';
import { validateVerdict } from './validate_verdict';

const good = {
  classification: 'false_positive',
  confidence_score: 0.92,
  rationale: 'Known admin activity.',
  contributing_factors: ['admin account', 'closed as false positive 40 times'],
  related_alert_ids: ['r1', 'r2'],
};
const validate = (verdict: unknown, known = ['r1', 'r2', 'r3']) =>
  validateVerdict(validateAlertVerdictInputSchema.parse({ verdict, known_alert_ids: known, seed_alert_id: 'seed' }));

describe('validateVerdict', () => {
  it('accepts a valid verdict as it is, with a two-decimal confidence tag', () => {
    expect(validate(good)).toEqual({ valid: true, issues: [], verdict: good, dropped_alert_ids: [], confidence_tag: '0.92' });
    expect(validate({ ...good, confidence_score: 1 }).confidence_tag).toBe('1.00');
    expect(validate({ ...good, confidence_score: 0.855 }).confidence_tag).toBe('0.85');
  });

  it('accepts a verdict passed as a JSON string', () => {
    expect(validate(JSON.stringify(good)).valid).toBe(true);
  });

  it.each([undefined, null, '', '   '])('reports %p as missing', (verdict) => {
    expect(validate(verdict)).toEqual({ valid: false, reason: 'missing', issues: ['verdict is missing'], dropped_alert_ids: [] });
  });

  it.each([
    ['a 0-100 confidence (no rescaling)', { ...good, confidence_score: 85 }, 'confidence_score must be a number from 0 to 1, got 85'],
    ['a negative confidence', { ...good, confidence_score: -0.1 }, 'confidence_score must be a number from 0 to 1, got -0.1'],
    ['a string confidence', { ...good, confidence_score: '0.9' }, 'confidence_score must be a number from 0 to 1, got "0.9"'],
    ['an unknown classification', { ...good, classification: 'benign' }, 'classification must be one of true_positive, false_positive, inconclusive, got "benign"'],
    ['a missing rationale', { ...good, rationale: undefined }, 'rationale must be a string'],
    ['non-string factors', { ...good, contributing_factors: [1] }, 'contributing_factors must contain only strings'],
    ['ids that are not an array', { ...good, related_alert_ids: 'r1' }, 'related_alert_ids must be an array of strings'],
    ['an array instead of an object', [good], 'verdict must be an object, got an array'],
    ['invalid JSON text', '{"classification":', 'verdict is a string that is not valid JSON'],
  ])('rejects %s', (_title, verdict, issue) => {
    const result = validate(verdict);
    expect(result).toMatchObject({ valid: false, reason: 'schema', dropped_alert_ids: [] });
    expect(result.issues).toContain(issue);
    expect(result.verdict).toBeUndefined();
  });

  it('drops hallucinated ids, removes duplicates and drops the seed silently', () => {
    const result = validate({ ...good, related_alert_ids: ['r1', 'seed', 'ghost', 'r1', 'r3', 'ghost2'] });
    expect(result.valid).toBe(true);
    expect(result.verdict?.related_alert_ids).toEqual(['r1', 'r3']);
    expect(result.dropped_alert_ids).toEqual(['ghost', 'ghost2']);
    expect(result.issues).toEqual([
      'duplicate related_alert_ids were removed',
      'related_alert_ids not among the related alerts were dropped: ghost, ghost2',
    ]);
  });

  it('truncates long text, keeps five factors and ignores extra properties, reporting each', () => {
    const result = validate({
      ...good,
      rationale: 'r'.repeat(1500),
      contributing_factors: ['f'.repeat(250), 'b', 'c', 'd', 'e', 'f', 'g'],
      extra: true,
    });
    expect(result.valid).toBe(true);
    expect(result.verdict?.rationale).toHaveLength(1000);
    expect(result.verdict?.rationale.endsWith('…')).toBe(true);
    expect(result.verdict?.contributing_factors).toHaveLength(5);
    expect(result.verdict?.contributing_factors[0]).toHaveLength(200);
    expect(result.issues).toEqual([
      'unexpected properties were ignored: extra',
      'contributing_factors had 7 items; kept the first 5',
      'contributing_factors[0] was truncated to 200 characters',
      'rationale was truncated to 1000 characters',
    ]);
  });

  it('treats missing related_alert_ids as empty, with an issue', () => {
    const { related_alert_ids: _omitted, ...withoutIds } = good;
    const result = validate(withoutIds);
    expect(result.valid).toBe(true);
    expect(result.verdict?.related_alert_ids).toEqual([]);
    expect(result.issues).toEqual(['related_alert_ids is missing; treated as empty']);
  });

  it('keeps at most 20 related ids and 20 issues', () => {
    const known = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const result = validate({ ...good, related_alert_ids: known }, known);
    expect(result.verdict?.related_alert_ids).toHaveLength(20);
    expect(result.issues.length).toBeLessThanOrEqual(20);
  });
});

describe('validateAlertVerdictHandler', () => {
  it('returns invalid verdicts as output and logs a warning', async () => {
    const warnings: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (m: string) => warnings.push(m) };
    const input = validateAlertVerdictInputSchema.parse({ verdict: { ...good, confidence_score: 92 }, seed_alert_id: 's' });
    const result = await validateAlertVerdictHandler({ input, logger });
    expect(result).toMatchObject({ output: { valid: false, reason: 'schema' } });
    expect(warnings).toEqual(['Alert verdict is invalid']);
  });
});
