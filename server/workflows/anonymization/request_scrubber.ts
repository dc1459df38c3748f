import {
  createReplacementsStore,
  createScrubber,
  deanonymize,
  type Replacements,
  type Scrubber,
  type TokenGenerator,
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
  const scrub: Scrubber = createScrubber({
    anonymized,
    denied: values.denied.flatMap(valueForms),
    knownTokens: store.entries().map((entry) => entry.uuid),
    ...(options.minFreeTextLength === undefined ? {} : { minFreeTextLength: options.minFreeTextLength }),
  });
  const replacements = store.toReplacements();
  return {
    scrub,
    restore: (value) => restoreDeep(value, replacements),
    replacements: () => ({ ...replacements }),
  };
}
