import { pushChunked } from './standard_analyzer';
import type { Token } from './types';

/**
 * Lucene's CharTokenizer family: a token is a maximal run of code points accepted by `isTokenChar`,
 * split at the maximum token length.
 */
export function tokenizeRuns(text: string, isTokenChar: (codePoint: number) => boolean, lowercase: boolean): Token[] {
  const tokens: Token[] = [];
  let runStart = -1;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isTokenChar(cp)) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      pushChunked(text, runStart, i, lowercase, tokens);
      runStart = -1;
    }
    i += width;
  }
  if (runStart >= 0) pushChunked(text, runStart, text.length, lowercase, tokens);
  return tokens;
}

const LETTER = /\p{L}/u;

/** Java `Character.isLetter`. */
export function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}

/** Java `Character.isWhitespace`: space separators except no-break spaces, plus the ASCII controls. */
export function isJavaWhitespace(cp: number): boolean {
  if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f)) return true;
  if (cp < 0x80) return false;
  if (cp === 0xa0 || cp === 0x2007 || cp === 0x202f) return false;
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x205f || cp === 0x3000;
}
