import {
  DEFAULT_MIN_FREE_TEXT_LENGTH,
  REDACTED,
  createReplacementsStore,
  createScrubber,
  deanonymize,
  type Replacements,
  type Scrubber,
  type TokenGenerator,
  valueKey,
} from '../../../common/anonymization';
import type { SensitiveValues } from './collect_values';

/** The engine's AiRequestGuard shape (kept structural: the guard is plugin code, the contract is the engine's). */
export interface RequestScrubber {
  scrub(text: string): string;
  restore(value: unknown): unknown;
  /** token → original, for logs and tests. */
  replacements(): Replacements;
}

export interface RequestScrubberOptions {
  generateToken?: TokenGenerator;
  minFreeTextLength?: number;
}

/** A cut word shorter than this is too common to stand for a protected value. */
export const MIN_CUT_WORD_LENGTH = 5;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The forms a value takes in a workflow prompt: as is, HTML-escaped (Liquid `escape`, used for every alert value in
 * the triage prompt), and JSON-string-escaped once or twice (an alert through `| json`, then rendered as attachment
 * JSON). Each form is replaced by the value's one token.
 */
export function valueForms(value: string): string[] {
  const html = value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
  const json = JSON.stringify(value).slice(1, -1);
  const jsonTwice = JSON.stringify(json).slice(1, -1);
  return [...new Set([value, html, json, jsonTwice])];
}

// A word cut by a truncation marker (Liquid `truncate: n, '…[truncated]'`, the narratives' own `…`).
// A backslash before it is a separator (UNC paths), not part of the word.
const CUT_WORD = /(?<![\p{L}\p{N}._@$-])([\p{L}\p{N}][\p{L}\p{N}._@\\$-]*)(?=…)/gu;

/**
 * A protected value truncated mid-word ("canary-ho…") escapes whole-word matching; a cut word that is a proper prefix
 * of a protected value is replaced like the value itself.
 */
function createCutWordScrubber(prefixes: ReadonlyArray<{ value: string; replacement: string }>, minLength: number): Scrubber {
  const byKey = prefixes.map(({ value, replacement }) => ({ key: valueKey(value), replacement }));
  return (text) =>
    text.replace(CUT_WORD, (word: string) => {
      if (word.length < minLength) return word;
      const key = valueKey(word);
      return byKey.find((entry) => entry.key.length > key.length && entry.key.startsWith(key))?.replacement ?? word;
    });
}

function restoreDeep(value: unknown, replacements: Replacements): unknown {
  if (typeof value === 'string') return deanonymize(value, replacements);
  if (Array.isArray(value)) return value.map((item) => restoreDeep(item, replacements));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [deanonymize(key, replacements), restoreDeep(child, replacements)]));
  }
  return value;
}

/**
 * One request's scrubber: each anonymized value gets a random UUID token (one per value, case-insensitive, stable
 * for the whole request), denied values become [REDACTED]; `restore` maps the tokens of the answer back.
 */
export function createRequestScrubber(values: SensitiveValues, options: RequestScrubberOptions = {}): RequestScrubber {
  const store = createReplacementsStore({}, options.generateToken ? { generateToken: options.generateToken } : {});
  const anonymized = values.anonymized.flatMap(({ value, field }) => {
    const token = store.tokenFor(value, field);
    return valueForms(value).map((form) => ({ value: form, token }));
  });
  const minLength = options.minFreeTextLength ?? DEFAULT_MIN_FREE_TEXT_LENGTH;
  const whole = createScrubber({
    anonymized,
    denied: values.denied.flatMap(valueForms),
    knownTokens: store.entries().map((entry) => entry.uuid),
    minFreeTextLength: minLength,
  });
  const cut = createCutWordScrubber(
    [...values.denied.map((value) => ({ value, replacement: REDACTED })), ...anonymized.map(({ value, token }) => ({ value, replacement: token }))],
    Math.max(minLength, MIN_CUT_WORD_LENGTH),
  );
  const scrub: Scrubber = (text) => cut(whole(text));
  const replacements = store.toReplacements();
  return {
    scrub,
    restore: (value) => restoreDeep(value, replacements),
    replacements: () => ({ ...replacements }),
  };
}
