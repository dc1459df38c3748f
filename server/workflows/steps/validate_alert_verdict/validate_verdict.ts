import {
  truncateValue,
  VERDICT_CLASSIFICATIONS,
  VERDICT_LIMITS,
  type AlertVerdict,
  type ValidateAlertVerdictInput,
  type ValidateAlertVerdictOutput,
  type VerdictClassification,
} from '../../../../common/workflows';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isClassification = (value: unknown): value is VerdictClassification =>
  typeof value === 'string' && (VERDICT_CLASSIFICATIONS as readonly string[]).includes(value);

/** Strings longer than the limit are cut (with `…` inside the limit) and reported. */
function capString(value: string, max: number, what: string, issues: string[]): string {
  if (value.length <= max) return value;
  issues.push(`${what} was truncated to ${max} characters`);
  return truncateValue(value, max - 1);
}

const invalid = (reason: 'missing' | 'schema', issues: string[]): ValidateAlertVerdictOutput => ({
  valid: false,
  reason,
  issues: issues.slice(0, VERDICT_LIMITS.issues),
  dropped_alert_ids: [],
});

function parseVerdict(raw: unknown, issues: string[]): Record<string, unknown> | 'missing' | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return 'missing';
  if (typeof raw === 'string') {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isRecord(parsed)) return parsed;
    } catch {
      issues.push('verdict is a string that is not valid JSON');
      return undefined;
    }
  }
  if (isRecord(raw)) return raw;
  issues.push(`verdict must be an object, got ${Array.isArray(raw) ? 'an array' : typeof raw}`);
  return undefined;
}

function stringList(value: unknown, what: string, issues: string[]): string[] | undefined {
  if (!Array.isArray(value)) {
    issues.push(`${what} must be an array of strings`);
    return undefined;
  }
  if (!value.every((item): item is string => typeof item === 'string')) {
    issues.push(`${what} must contain only strings`);
    return undefined;
  }
  return value;
}

/**
 * Checks an LLM verdict against the verdict schema (triage-steps §5). A missing verdict, an unknown classification,
 * or a confidence that is not a number in [0, 1] invalidates it: nothing is rescaled, so 85 is rejected rather than
 * read as 0.85. Over-long text, extra factors and duplicate ids are corrected and reported; cited ids that are not
 * known graph alerts move to `dropped_alert_ids`, and citing the seed is dropped silently.
 */
export function validateVerdict(input: ValidateAlertVerdictInput): ValidateAlertVerdictOutput {
  const issues: string[] = [];
  const parsed = parseVerdict(input.verdict, issues);
  if (parsed === 'missing') return invalid('missing', ['verdict is missing']);
  if (parsed === undefined) return invalid('schema', issues);

  const { classification, confidence_score: confidence, rationale } = parsed;
  if (!isClassification(classification)) {
    issues.push(`classification must be one of ${VERDICT_CLASSIFICATIONS.join(', ')}, got ${JSON.stringify(classification) ?? 'nothing'}`);
  }
  const confidenceValid =
    typeof confidence === 'number' && Number.isFinite(confidence) && confidence >= 0 && confidence <= 1;
  if (!confidenceValid) {
    issues.push(`confidence_score must be a number from 0 to 1, got ${JSON.stringify(confidence) ?? 'nothing'}`);
  }
  if (typeof rationale !== 'string') issues.push('rationale must be a string');
  const factors = stringList(parsed.contributing_factors, 'contributing_factors', issues);
  let cited: string[] | undefined = [];
  if (parsed.related_alert_ids === undefined) issues.push('related_alert_ids is missing; treated as empty');
  else cited = stringList(parsed.related_alert_ids, 'related_alert_ids', issues);

  if (
    !isClassification(classification) ||
    !confidenceValid ||
    typeof confidence !== 'number' ||
    typeof rationale !== 'string' ||
    factors === undefined ||
    cited === undefined
  ) {
    return invalid('schema', issues);
  }

  const extraKeys = Object.keys(parsed).filter(
    (key) => !['classification', 'confidence_score', 'rationale', 'contributing_factors', 'related_alert_ids'].includes(key),
  );
  if (extraKeys.length > 0) issues.push(`unexpected properties were ignored: ${extraKeys.join(', ')}`);

  let keptFactors = factors;
  if (keptFactors.length > VERDICT_LIMITS.factors) {
    issues.push(`contributing_factors had ${keptFactors.length} items; kept the first ${VERDICT_LIMITS.factors}`);
    keptFactors = keptFactors.slice(0, VERDICT_LIMITS.factors);
  }
  keptFactors = keptFactors.map((factor, i) => capString(factor, VERDICT_LIMITS.factor, `contributing_factors[${i}]`, issues));

  const unique = [...new Set(cited)];
  if (unique.length < cited.length) issues.push('duplicate related_alert_ids were removed');
  const known = new Set(input.known_alert_ids);
  const related: string[] = [];
  const dropped: string[] = [];
  for (const id of unique) {
    if (id === input.seed_alert_id) continue;
    if (known.has(id)) related.push(id);
    else dropped.push(id);
  }
  if (dropped.length > 0) issues.push(`related_alert_ids not among the related alerts were dropped: ${dropped.join(', ')}`);
  let keptRelated = related;
  if (keptRelated.length > VERDICT_LIMITS.relatedAlertIds) {
    issues.push(`related_alert_ids had ${keptRelated.length} items; kept the first ${VERDICT_LIMITS.relatedAlertIds}`);
    keptRelated = keptRelated.slice(0, VERDICT_LIMITS.relatedAlertIds);
  }

  const verdict: AlertVerdict = {
    classification,
    confidence_score: confidence,
    rationale: capString(rationale, VERDICT_LIMITS.rationale, 'rationale', issues),
    contributing_factors: keptFactors,
    related_alert_ids: keptRelated,
  };
  return {
    valid: true,
    issues: issues.slice(0, VERDICT_LIMITS.issues),
    verdict,
    dropped_alert_ids: dropped,
    confidence_tag: confidence.toFixed(2),
  };
}
