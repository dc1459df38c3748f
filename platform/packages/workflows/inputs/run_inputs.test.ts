import type { WorkflowInputField } from '../definition';
import { applyInputDefaults, validateRunInputs } from './run_inputs';

const fields: WorkflowInputField[] = [
  { name: 'query', type: 'string', required: true },
  { name: 'limit', type: 'number', default: 10 },
  { name: 'dryRun', type: 'boolean', default: false },
  { name: 'severity', type: 'choice', options: ['low', 'high'], default: 'low' },
  { name: 'ids', type: 'array', minItems: 1, maxItems: 2 },
];

describe('applyInputDefaults', () => {
  it('fills absent inputs from array-form defaults without mutating', () => {
    const values = { query: 'q', limit: 3 };
    expect(applyInputDefaults(fields, values)).toEqual({ query: 'q', limit: 3, dryRun: false, severity: 'low' });
    expect(values).toEqual({ query: 'q', limit: 3 });
  });

  it('fills defaults from the JSON-Schema form and clones them', () => {
    const schema = { properties: { tags: { type: 'array', default: ['a'] }, name: { type: 'string' } } };
    const out = applyInputDefaults(schema, {});
    expect(out).toEqual({ tags: ['a'] });
    (out.tags as string[]).push('b');
    expect(schema.properties.tags.default).toEqual(['a']);
  });

  it('returns a copy when nothing is declared', () => {
    expect(applyInputDefaults(undefined, { a: 1 })).toEqual({ a: 1 });
  });
});

describe('validateRunInputs (array form)', () => {
  const definition = { inputs: fields };

  it('applies defaults, coerces text and passes extra inputs through', () => {
    expect(validateRunInputs(definition, { query: 'x', limit: '5', dryRun: 'true', ids: ['a'], event: { alerts: [] } })).toEqual({
      ok: true,
      inputs: { query: 'x', limit: 5, dryRun: true, severity: 'low', ids: ['a'], event: { alerts: [] } },
    });
  });

  it('reports every problem', () => {
    const result = validateRunInputs(definition, { limit: 'many', dryRun: 1, severity: 'medium', ids: [] });
    expect(result).toEqual({
      ok: false,
      errors: [
        'Input "query" is required.',
        'Input "limit" must be a number.',
        'Input "dryRun" must be a boolean.',
        'Input "severity" must be one of: low, high. Got: medium.',
        'Input "ids" must have at least 1 item(s).',
      ],
    });
    expect(validateRunInputs(definition, { query: 'q', ids: [1, 2, 3] })).toEqual({ ok: false, errors: ['Input "ids" must have at most 2 item(s).'] });
    expect(validateRunInputs(definition, { query: 5 })).toEqual({ ok: false, errors: ['Input "query" must be a string.'] });
  });

  it('checks array items against options', () => {
    const def = { inputs: [{ name: 'tags', type: 'array' as const, options: ['a', 'b'] }] };
    expect(validateRunInputs(def, { tags: ['a', 'b'] }).ok).toBe(true);
    expect(validateRunInputs(def, { tags: ['a', 'c'] })).toEqual({ ok: false, errors: ['Input "tags" must be one of: a, b. Got: c.'] });
  });

  it('accepts anything when no inputs are declared', () => {
    expect(validateRunInputs({}, { anything: 1 })).toEqual({ ok: true, inputs: { anything: 1 } });
  });
});

describe('validateRunInputs (JSON-Schema form)', () => {
  const definition = {
    inputs: {
      properties: { name: { type: 'string', minLength: 2 }, count: { type: 'integer', default: 1 }, mode: { enum: ['a', 'b'] } },
      required: ['name'],
      additionalProperties: false,
    },
  };

  it('validates with z.fromJSONSchema, applying defaults and keeping extra inputs', () => {
    expect(validateRunInputs(definition, { name: 'ok', extra: true })).toEqual({ ok: true, inputs: { name: 'ok', count: 1, extra: true } });
  });

  it('reports missing and invalid inputs', () => {
    const missing = validateRunInputs(definition, {});
    expect(missing).toEqual({ ok: false, errors: ['Input "name" is required.'] });
    const invalid = validateRunInputs(definition, { name: 'x', count: 1.5, mode: 'c' });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.errors).toHaveLength(3);
      expect(invalid.errors[0]).toMatch(/^Input "name": /);
      expect(invalid.errors.join('\n')).toMatch(/Input "count": /);
      expect(invalid.errors.join('\n')).toMatch(/Input "mode": /);
    }
  });
});
