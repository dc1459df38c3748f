import { TOKEN_IN_TEXT, lookupToken } from './deanonymize';
import { TOKEN_LENGTH } from './tokens';
import type { Replacements } from './types';

const WORD = /[\p{L}\p{N}]/u;
/** Compiled once; matchAll works on a copy, so sharing it is safe. */
const TOKEN_SCAN = new RegExp(TOKEN_IN_TEXT.source, TOKEN_IN_TEXT.flags);
const HEX = /[0-9a-f]/i;
const WHITESPACE = /\s/;

/** Whether `s` from `start` to its end (≤ 36 chars) can still grow into a UUID v4, in either case. */
function couldBeTokenPrefix(s: string, start = 0): boolean {
  if (s.length - start > TOKEN_LENGTH) return false;
  for (let i = 0; i < s.length - start; i += 1) {
    const ch = s[start + i];
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (ch !== '-') return false;
    } else if (i === 14) {
      if (ch !== '4') return false;
    } else if (i === 19) {
      if (!/[89ab]/i.test(ch)) return false;
    } else if (!HEX.test(ch)) return false;
  }
  return true;
}

function lastCodePoint(s: string): string {
  if (s.length === 0) return '';
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xdc00 && last <= 0xdfff && s.length >= 2 ? s.slice(-2) : s.slice(-1);
}

export interface TextStreamFilter {
  push(delta: string): string;
  flush(): string;
}

/** Streaming `stripThinking`: removes `<think>…</think>` (and the whitespace after it) even when tags are split. */
export function createThinkStripper(): TextStreamFilter {
  const OPEN = '<think>';
  const CLOSE = '</think>';
  let state: 'out' | 'in' | 'skip_ws' = 'out';
  let held = '';
  /** Length of the longest suffix of `s` that is a proper prefix of `tag`. */
  const partialTagSuffix = (s: string, tag: string) => {
    for (let n = Math.min(tag.length - 1, s.length); n > 0; n -= 1) {
      if (tag.startsWith(s.slice(s.length - n))) return n;
    }
    return 0;
  };
  const run = (final: boolean): string => {
    let out = '';
    for (;;) {
      if (state === 'out') {
        const at = held.indexOf(OPEN);
        if (at !== -1) {
          out += held.slice(0, at);
          held = held.slice(at + OPEN.length);
          state = 'in';
          continue;
        }
        const keep = final ? 0 : partialTagSuffix(held, OPEN);
        out += held.slice(0, held.length - keep);
        held = held.slice(held.length - keep);
        return out;
      }
      if (state === 'in') {
        const at = held.indexOf(CLOSE);
        if (at !== -1) {
          held = held.slice(at + CLOSE.length);
          state = 'skip_ws';
          continue;
        }
        held = final ? '' : held.slice(held.length - partialTagSuffix(held, CLOSE));
        return out;
      }
      let i = 0;
      while (i < held.length && WHITESPACE.test(held[i])) i += 1;
      held = held.slice(i);
      if (held.length === 0) return out;
      state = 'out';
    }
  };
  return {
    push(delta) {
      held += delta;
      return run(false);
    },
    flush: () => run(true),
  };
}

export interface StreamDeanonymizer extends TextStreamFilter {
  /** `replacements` events extend the map mid-stream. */
  addReplacements(more: Replacements): void;
}

export interface StreamDeanonymizerOptions {
  stripThinking?: boolean;
}

/**
 * AN-7: de-anonymizes model output as it streams. It holds back only a tail that could still become a token
 * (a UUID v4 prefix starting at a boundary, or a complete token whose next character has not arrived), so the
 * concatenated output equals `deanonymize(full)` for every chunking.
 */
export function createStreamDeanonymizer(
  replacements: Replacements,
  options: StreamDeanonymizerOptions = {},
): StreamDeanonymizer {
  const map: Replacements = {};
  const addReplacements = (more: Replacements) => {
    for (const [token, value] of Object.entries(more)) map[token.toLowerCase()] = value;
  };
  addReplacements(replacements);
  const thinker = options.stripThinking ? createThinkStripper() : undefined;
  let pending = '';
  let prev = '';

  const isBoundaryAt = (p: number) => {
    const before = p === 0 ? prev : lastCodePoint(pending.slice(0, p));
    return before === '' || !WORD.test(before);
  };

  const drain = (final: boolean): string => {
    let hold = pending.length;
    if (!final) {
      for (let p = Math.max(0, pending.length - TOKEN_LENGTH); p < pending.length; p += 1) {
        // Cheapest checks first: most positions fail on their first or second character.
        if (couldBeTokenPrefix(pending, p) && isBoundaryAt(p)) {
          hold = p;
          break;
        }
      }
    }
    const context = prev + pending;
    const offset = prev.length;
    let out = '';
    let cursor = 0;
    // Most text holds no '-' near a hex run: skip the regex entirely then.
    const matches = context.includes('-') ? context.matchAll(TOKEN_SCAN) : [];
    for (const match of matches) {
      const start = (match.index ?? 0) - offset;
      const end = start + match[0].length;
      if (start < 0) continue;
      if (start >= hold) break;
      if (end > hold) {
        hold = start; // never cut through a token
        break;
      }
      out += pending.slice(cursor, start) + (lookupToken(map, match[0]) ?? match[0]);
      cursor = end;
    }
    out += pending.slice(cursor, hold);
    if (hold > 0) prev = lastCodePoint(pending.slice(0, hold));
    pending = pending.slice(hold);
    return out;
  };

  return {
    push(delta) {
      pending += thinker ? thinker.push(delta) : delta;
      return drain(false);
    },
    flush() {
      if (thinker) pending += thinker.flush();
      return drain(true);
    },
    addReplacements,
  };
}
