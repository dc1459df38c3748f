/**
 * Per-context anonymization editor (§1.4), pure: rows of one document under the space policy plus this
 * message's overrides, the Allowed/Anonymized/Available counts, and the row/bulk actions. Tightening is
 * always possible; loosening needs Customize·anonymization (the server enforces it too, AN-T6).
 */
import { createFieldPolicy, findLooseningOverrides, flattenDocument, isScrubbableInFreeText, type FieldRule, type FlatDocument } from '../../../common/anonymization';

export const MAX_VALUE_PREVIEW_CHARS = 200;

export interface EditorRow {
  field: string;
  values: string[];
  allowed: boolean;
  anonymized: boolean;
  inPolicy: boolean;
  overridden: boolean;
  /** ⚠: an anonymized value too short to be scrubbed from free text (§5.5 AN-4). */
  shortValueWarning: boolean;
}

export type EditorAction = 'allow' | 'deny' | 'anonymize' | 'unanonymize';

export interface EditorStats {
  allowed: number;
  anonymized: number;
  available: number;
}

export function flattenContextData(data: Record<string, unknown> | string | undefined): FlatDocument {
  if (data === undefined || typeof data === 'string') return {};
  return flattenDocument(data);
}

export function buildEditorRows(doc: FlatDocument, policy: readonly FieldRule[], overrides: readonly FieldRule[], minFreeTextLength: number): EditorRow[] {
  const base = new Map(policy.map((r) => [r.field, r]));
  const effective = createFieldPolicy(policy, overrides);
  const overridden = new Set(overrides.map((o) => o.field));
  return Object.keys(doc)
    .sort()
    .map((field) => {
      const disposition = effective.disposition(field);
      const allowed = disposition === 'allowed' || disposition === 'anonymized';
      const anonymized = disposition === 'anonymized';
      const values = doc[field].map((v) => (v.length > MAX_VALUE_PREVIEW_CHARS ? `${v.slice(0, MAX_VALUE_PREVIEW_CHARS)}…` : v));
      return {
        field,
        values,
        allowed,
        anonymized,
        inPolicy: base.has(field) || overridden.has(field),
        overridden: overridden.has(field),
        shortValueWarning: anonymized && doc[field].some((v) => !isScrubbableInFreeText(v, minFreeTextLength)),
      };
    });
}

export function editorStats(rows: readonly EditorRow[]): EditorStats {
  return {
    allowed: rows.filter((r) => r.allowed).length,
    anonymized: rows.filter((r) => r.allowed && r.anonymized).length,
    available: rows.length,
  };
}

function ruleAfter(row: Pick<EditorRow, 'field' | 'allowed' | 'anonymized'>, action: EditorAction): FieldRule {
  switch (action) {
    case 'allow':
      return { field: row.field, allowed: true, anonymized: row.anonymized };
    case 'deny':
      return { field: row.field, allowed: false, anonymized: row.anonymized };
    case 'anonymize':
      return { field: row.field, allowed: row.allowed, anonymized: true };
    case 'unanonymize':
      return { field: row.field, allowed: row.allowed, anonymized: false };
  }
}

/** Whether applying `action` to `row` would send more than the space policy does. */
export function isLoosening(policy: readonly FieldRule[], row: EditorRow, action: EditorAction): boolean {
  return findLooseningOverrides(policy, [ruleAfter(row, action)]).length > 0;
}

export interface ApplyResult {
  overrides: FieldRule[];
  /** Fields left unchanged because the change would loosen the policy without the privilege. */
  blocked: string[];
}

/**
 * Applies an action to some rows. An override equal to the space rule is dropped, so Reset-to-policy is just
 * "no overrides" and the request carries only real changes.
 */
export function applyEditorAction(
  policy: readonly FieldRule[],
  overrides: readonly FieldRule[],
  rows: readonly EditorRow[],
  action: EditorAction,
  canLoosen: boolean,
): ApplyResult {
  const base = new Map(policy.map((r) => [r.field, r]));
  const next = new Map(overrides.map((o) => [o.field, { ...o }]));
  const blocked: string[] = [];
  for (const row of rows) {
    if (!canLoosen && isLoosening(policy, row, action)) {
      blocked.push(row.field);
      continue;
    }
    const rule = ruleAfter(row, action);
    const policyRule = base.get(row.field);
    const sameAsPolicy = policyRule ? policyRule.allowed === rule.allowed && policyRule.anonymized === rule.anonymized : !rule.allowed;
    if (sameAsPolicy) next.delete(row.field);
    else next.set(row.field, rule);
  }
  return { overrides: [...next.values()], blocked };
}
