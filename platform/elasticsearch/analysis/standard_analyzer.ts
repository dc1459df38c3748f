import { lowercaseTerm } from './lowercase';
import { MAX_TOKEN_LENGTH, type Analyzer, type Token } from './types';
import { wordSpans } from './word_segments';

/**
 * Lucene splits a token longer than the maximum length into chunks of that length, each with its own
 * position. Chunks never cut a surrogate pair.
 */
export function pushChunked(text: string, start: number, end: number, lowercase: boolean, out: Token[]): void {
  let chunkStart = start;
  while (chunkStart < end) {
    let chunkEnd = Math.min(end, chunkStart + MAX_TOKEN_LENGTH);
    if (chunkEnd < end && isHighSurrogate(text.charCodeAt(chunkEnd - 1))) chunkEnd--;
    const raw = text.slice(chunkStart, chunkEnd);
    out.push({
      term: lowercase ? lowercaseTerm(raw) : raw,
      position: out.length === 0 ? 0 : out[out.length - 1].position + 1,
      startOffset: chunkStart,
      endOffset: chunkEnd,
    });
    chunkStart = chunkEnd;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** `standard`: UAX#29 words, lowercased, no stop words. */
export const standardAnalyzer: Analyzer = {
  name: 'standard',
  analyze(text: string): Token[] {
    const tokens: Token[] = [];
    for (const span of wordSpans(text)) pushChunked(text, span.start, span.end, true, tokens);
    return tokens;
  },
};
