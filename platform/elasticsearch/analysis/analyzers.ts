import { unsupported } from '../errors';
import { isJavaWhitespace, isLetter, tokenizeRuns } from './char_tokenizer';
import { lowercaseTerm } from './lowercase';
import { standardAnalyzer } from './standard_analyzer';
import type { Analyzer, Token } from './types';

/** Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, the `stop` analyzer's default list. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not',
  'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was',
  'will', 'with',
]);

/** `simple`: runs of letters, lowercased. */
const simpleAnalyzer: Analyzer = {
  name: 'simple',
  analyze: (text) => tokenizeRuns(text, isLetter, true),
};

/** `whitespace`: runs of non-whitespace, case kept. */
const whitespaceAnalyzer: Analyzer = {
  name: 'whitespace',
  analyze: (text) => tokenizeRuns(text, (cp) => !isJavaWhitespace(cp), false),
};

/** `keyword`: the whole input is one token (even an empty one, as Lucene's KeywordTokenizer). */
const keywordAnalyzer: Analyzer = {
  name: 'keyword',
  analyze: (text) => [{ term: text, position: 0, startOffset: 0, endOffset: text.length }],
};

/** `stop`: like `simple`, minus English stop words; removed words leave position gaps (StopFilter). */
const stopAnalyzer: Analyzer = {
  name: 'stop',
  analyze(text: string): Token[] {
    return tokenizeRuns(text, isLetter, true).filter((token) => !ENGLISH_STOP_WORDS.has(token.term));
  },
};

const ANALYZERS: ReadonlyMap<string, Analyzer> = new Map(
  [standardAnalyzer, simpleAnalyzer, whitespaceAnalyzer, keywordAnalyzer, stopAnalyzer].map((a) => [a.name, a]),
);

export function isSupportedAnalyzer(name: string): boolean {
  return ANALYZERS.has(name);
}

/** The built-in analyzer of that name; anything else (language analyzers, custom ones) is §11. */
export function getAnalyzer(name: string): Analyzer {
  const analyzer = ANALYZERS.get(name);
  if (analyzer === undefined) throw unsupported('custom_analysis', `analyzer [${name}]`);
  return analyzer;
}

/** Applies a keyword field's `normalizer` (only the built-in `lowercase`). */
export function normalizeKeyword(value: string, normalizer: string | undefined): string {
  if (normalizer === undefined) return value;
  if (normalizer === 'lowercase') return lowercaseTerm(value);
  throw unsupported('custom_analysis', `normalizer [${normalizer}]`);
}
