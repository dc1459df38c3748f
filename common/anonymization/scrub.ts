import { valueKey } from './tokens';

export const REDACTED = '[REDACTED]';
export const DEFAULT_MIN_FREE_TEXT_LENGTH = 3;

const WORD_CHAR = /[\p{L}\p{N}]/u;
// One decimal point at most: "203.0.113.77" is an IP to scrub, not a number.
const PURE_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const LITERALS = new Set(['true', 'false', 'null']);

/**
 * AN-4: short values, pure numbers and true/false/null are never scrubbed from free text (a host named "a"
 * must not turn every "a" into a token); their own field is still tokenized.
 */
export function isScrubbableInFreeText(value: string, minFreeTextLength = DEFAULT_MIN_FREE_TEXT_LENGTH): boolean {
  const trimmed = value.normalize('NFC').trim();
  if ([...trimmed].length < Math.max(1, minFreeTextLength)) return false;
  if (PURE_NUMBER.test(trimmed)) return false;
  return !LITERALS.has(trimmed.toLowerCase());
}

/**
 * Lower-casing that keeps positions aligned with the original (a char whose lower form changes length is kept),
 * with final sigma folded to σ so a word's case forms compare equal wherever the word stands.
 */
function foldAligned(text: string): string {
  const lower = text.toLowerCase();
  // Lower-casing never shrinks a string, so equal length means every char kept its width (the common case).
  const aligned = lower.length === text.length ? lower : foldPerCodePoint(text);
  return aligned.includes('ς') ? aligned.replace(/ς/g, 'σ') : aligned;
}

function foldPerCodePoint(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text.slice(index - 1, index);
}

function codePointAt(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

const isWord = (ch: string) => ch !== '' && WORD_CHAR.test(ch);

interface Literal<T> {
  folded: string;
  startsWord: boolean;
  endsWord: boolean;
  payload: T;
}

/**
 * Whole-token literal matching (AN-3) without one regex per value: compiling `\p{L}` look-arounds costs
 * milliseconds per alternative, which a 300-field alert cannot afford. At each position the longest literal
 * whose boundaries hold wins; matching continues after it (single pass).
 */
function createMatcher<T>(entries: ReadonlyArray<{ literal: string; payload: T }>) {
  // Keyed by the first UTF-16 unit: one integer lookup per text position.
  const byFirst = new Map<number, Array<Literal<T>>>();
  for (const { literal, payload } of entries) {
    const folded = foldAligned(literal);
    const chars = [...literal];
    const item = { folded, startsWord: isWord(chars[0]), endsWord: isWord(chars[chars.length - 1]), payload };
    const list = byFirst.get(folded.charCodeAt(0)) ?? [];
    list.push(item);
    byFirst.set(folded.charCodeAt(0), list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.folded.length - a.folded.length);
  return (text: string, onMatch: (payload: T, matched: string) => string): string => {
    if (byFirst.size === 0) return text;
    const folded = foldAligned(text);
    let out = '';
    let last = 0;
    let p = 0;
    while (p < text.length) {
      const candidates = byFirst.get(folded.charCodeAt(p));
      let hit: Literal<T> | undefined;
      if (candidates) {
        for (const c of candidates) {
          if (!folded.startsWith(c.folded, p)) continue;
          if (c.startsWord && isWord(codePointBefore(text, p))) continue;
          if (c.endsWord && isWord(codePointAt(text, p + c.folded.length))) continue;
          hit = c;
          break;
        }
      }
      if (hit) {
        out += text.slice(last, p) + onMatch(hit.payload, text.slice(p, p + hit.folded.length));
        p += hit.folded.length;
        last = p;
      } else {
        p += 1;
      }
    }
    return out + text.slice(last);
  };
}

export interface ScrubTargets {
  /** Known originals and the token each one becomes. */
  anonymized: ReadonlyArray<{ value: string; token: string }>;
  /** Values that must never be sent: replaced by [REDACTED]. Denied wins over anonymized. */
  denied?: readonly string[];
  /** Tokens already in the text; matched first so a short hex value never rewrites part of a token. */
  knownTokens?: readonly string[];
  minFreeTextLength?: number;
}

export type Scrubber = (text: string) => string;

/**
 * AN-3: a single pass over the text with every value in one case-insensitive alternation, longest first,
 * so inserted tokens are never matched again.
 */
export function createScrubber(targets: ScrubTargets): Scrubber {
  const min = targets.minFreeTextLength ?? DEFAULT_MIN_FREE_TEXT_LENGTH;
  const replacementByKey = new Map<string, { literal: string; replacement: string }>();
  const add = (value: string, replacement: string, overwrite: boolean) => {
    if (!isScrubbableInFreeText(value, min)) return;
    const literal = value.normalize('NFC').trim();
    const key = valueKey(literal);
    if (!overwrite && replacementByKey.has(key)) return;
    replacementByKey.set(key, { literal, replacement });
  };
  for (const value of targets.denied ?? []) add(value, REDACTED, true);
  for (const { value, token } of targets.anonymized) add(value, token, false);
  for (const token of targets.knownTokens ?? []) {
    const key = valueKey(token);
    if (!replacementByKey.has(key)) replacementByKey.set(key, { literal: token, replacement: token });
  }
  const match = createMatcher([...replacementByKey.values()].map((a) => ({ literal: a.literal, payload: a.replacement })));
  return (text) => match(text.normalize('NFC'), (replacement) => replacement);
}

/** Values (scrubbable per AN-4) that still occur at token boundaries in `text`: must be empty for anything sent. */
export function findLeaks(text: string, values: readonly string[], minFreeTextLength = DEFAULT_MIN_FREE_TEXT_LENGTH): string[] {
  const normalized = text.normalize('NFC');
  // Each value on its own: an occurrence overlapping a longer value's match still counts as a leak.
  return values.filter((value) => {
    if (!isScrubbableInFreeText(value, minFreeTextLength)) return false;
    let found = false;
    createMatcher([{ literal: value.normalize('NFC').trim(), payload: value }])(normalized, (_, matched) => {
      found = true;
      return matched;
    });
    return found;
  });
}
