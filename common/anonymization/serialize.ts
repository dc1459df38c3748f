import type { FieldPolicy } from './field_policy';
import { flattenDocument } from './flatten';
import type { ReplacementsStore } from './replacements_store';
import { DEFAULT_MIN_FREE_TEXT_LENGTH, REDACTED, createScrubber } from './scrub';
import type { FlatDocument } from './types';

export interface SerializeLimits {
  /** §8.6: longer values are cut (after scrubbing, never inside a token) and marked `…[+N chars]`. */
  maxValueChars?: number;
  maxValuesPerField?: number;
  /** Budget for the CSV body; fields past it are counted in one `_omitted_fields,<count>` line. */
  maxChars?: number;
}

export interface SerializeContextInput {
  id: string;
  category: string;
  description: string;
  /** A raw document (nested or dotted) or an already flattened one. */
  document: unknown;
  policy: FieldPolicy;
  store: ReplacementsStore;
  minFreeTextLength?: number;
  limits?: SerializeLimits;
}

export interface SerializedContext {
  /** The `<context …>…</context>` block. */
  text: string;
  /** Fields sent, in order. */
  fields: string[];
  /** D: the denied values of this document; the outbound guard scrubs them from everything this turn. */
  deniedValues: string[];
  omittedFields: number;
}

const PRIORITY_PREFIXES: Array<(field: string) => boolean> = [
  (f) => f === 'kibana.alert.rule.name',
  (f) => f === 'kibana.alert.severity',
  (f) => f === 'kibana.alert.risk_score',
  (f) => f === '@timestamp',
  (f) => f.startsWith('host.'),
  (f) => f.startsWith('user.'),
  (f) => f.startsWith('process.'),
  (f) => f.startsWith('file.'),
  (f) => /^(source|destination|network|dns)\./.test(f),
];

function priorityOf(field: string): number {
  const i = PRIORITY_PREFIXES.findIndex((test) => test(field));
  return i === -1 ? PRIORITY_PREFIXES.length : i;
}

/** §8.6 field order: rule name, severity, risk score, timestamp, host, user, process, file, network, then A–Z. */
export function compareFieldPriority(a: string, b: string): number {
  return priorityOf(a) - priorityOf(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** RFC 4180: quote when the value holds a comma, a quote or a line break; quotes are doubled. */
export function csvEscape(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** G12: values must not close the untrusted-data block. */
export function escapeContextClose(value: string): string {
  return value.replace(/<\/(context)/gi, '<\\/$1');
}

function escapeAttribute(value: string): string {
  return escapeContextClose(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const PROTECTED = new RegExp(
  `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|${REDACTED.replace(/[[\]]/g, '\\$&')}`,
  'gi',
);

/** Cuts `value` to at most `max` chars without splitting a token or [REDACTED]. */
export function truncateValue(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = max;
  for (const m of value.matchAll(PROTECTED)) {
    const start = m.index ?? 0;
    if (start < cut && start + m[0].length > cut) {
      cut = start;
      break;
    }
    if (start >= cut) break;
  }
  return `${value.slice(0, cut)}…[+${value.length - cut} chars]`;
}

function isFlat(doc: unknown): doc is FlatDocument {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    !Array.isArray(doc) &&
    Object.values(doc).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'))
  );
}

/** §5.4: one document → an anonymized CSV context block. Pure apart from issuing tokens in `store`. */
export function serializeContext(input: SerializeContextInput): SerializedContext {
  const flat = isFlat(input.document) ? input.document : flattenDocument(input.document);
  const min = input.minFreeTextLength ?? DEFAULT_MIN_FREE_TEXT_LENGTH;
  const maxValueChars = input.limits?.maxValueChars ?? 2000;
  const maxValuesPerField = input.limits?.maxValuesPerField ?? 20;
  const fields = Object.keys(flat).sort(compareFieldPriority);

  // 1. A → tokens (issued now, so every later scrub knows them); D = denied values of this document.
  const deniedValues: string[] = [];
  for (const field of fields) {
    const disposition = input.policy.disposition(field);
    if (disposition === 'anonymized') for (const v of flat[field]) input.store.tokenFor(v, field);
    if (disposition === 'denied') deniedValues.push(...flat[field]);
  }
  const scrub = createScrubber({
    anonymized: input.store.originals().map((value) => ({ value, token: input.store.findToken(value) ?? value })),
    denied: deniedValues,
    minFreeTextLength: min,
  });

  // 2. Each allowed field: anonymized → its token; plain → scrubbed; then 3. truncated.
  const lines: string[] = [];
  const sent: string[] = [];
  let omitted = 0;
  let used = 0;
  for (const field of fields) {
    const disposition = input.policy.disposition(field);
    if (disposition !== 'anonymized' && disposition !== 'allowed') continue;
    const values = flat[field].slice(0, maxValuesPerField).map((v) => {
      if (disposition === 'anonymized') return input.store.tokenFor(v, field);
      return truncateValue(scrub(v), maxValueChars);
    });
    const line = [field, ...values].map((cell) => csvEscape(escapeContextClose(cell))).join(',');
    if (input.limits?.maxChars !== undefined && used + line.length + 1 > input.limits.maxChars) {
      omitted += 1;
      continue;
    }
    used += line.length + 1;
    lines.push(line);
    sent.push(field);
  }
  if (omitted > 0) lines.push(`_omitted_fields,${omitted}`);

  // 4. The block; the base prompt marks <context> as untrusted data.
  const open = `<context id="${escapeAttribute(input.id)}" category="${escapeAttribute(input.category)}" description="${escapeAttribute(scrub(input.description))}">`;
  return { text: `${open}\n${lines.join('\n')}\n</context>`, fields: sent, deniedValues, omittedFields: omitted };
}
