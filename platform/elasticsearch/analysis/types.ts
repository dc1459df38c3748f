/** One analyzed term with its position (token index) and UTF-16 offsets into the original text. */
export interface Token {
  term: string;
  position: number;
  startOffset: number;
  endOffset: number;
}

export interface Analyzer {
  readonly name: string;
  analyze(text: string): Token[];
}

/** Lucene's default maximum token length for the standard and char tokenizers. */
export const MAX_TOKEN_LENGTH = 255;
