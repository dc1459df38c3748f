export type { Analyzer, Token } from './types';
export { MAX_TOKEN_LENGTH } from './types';
export { getAnalyzer, isSupportedAnalyzer, normalizeKeyword, ENGLISH_STOP_WORDS } from './analyzers';
export { lowercaseTerm } from './lowercase';
