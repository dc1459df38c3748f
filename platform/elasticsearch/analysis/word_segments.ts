/**
 * UAX#29 word segmentation as Lucene's StandardTokenizer applies it: only "word-like" runs (letters,
 * digits, ideographs, kana, hangul, south-east-asian scripts, emoji) become tokens.
 *
 * Pure-ASCII input (the common case for alerts and logs) takes a hand-written implementation of the
 * UAX#29 rules restricted to ASCII, which is ~20x faster than Intl.Segmenter; anything else goes through
 * Intl.Segmenter with Lucene's differences applied (one token per Han ideograph or hiragana character,
 * whole runs of Thai/Lao/Myanmar/Khmer, emoji sequences as tokens). The two paths are checked against
 * each other by a property test.
 */

/** A raw word span, before length limiting and lowercasing. */
export interface WordSpan {
  start: number;
  end: number;
}

// ASCII word-break classes (Unicode WordBreakProperty restricted to U+0000..U+007F).
const OTHER = 0;
const LETTER = 1; // ALetter
const DIGIT = 2; // Numeric
const MID_LETTER = 3; // ':'
const MID_NUM_LET = 4; // '.' and the single quote (MidNumLetQ)
const MID_NUM = 5; // ',' ';'
const EXTEND_NUM_LET = 6; // '_'

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z]/.test(ch)) ASCII_CLASS[c] = LETTER;
  else if (/[0-9]/.test(ch)) ASCII_CLASS[c] = DIGIT;
  else if (ch === ':') ASCII_CLASS[c] = MID_LETTER;
  else if (ch === '.' || ch === "'") ASCII_CLASS[c] = MID_NUM_LET;
  else if (ch === ',' || ch === ';') ASCII_CLASS[c] = MID_NUM;
  else if (ch === '_') ASCII_CLASS[c] = EXTEND_NUM_LET;
  else ASCII_CLASS[c] = OTHER;
}

export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** UAX#29 rules WB5–WB13b for ASCII: whether there is NO break between text[i-1] and text[i]. */
function asciiJoins(cls: Uint8Array, i: number, n: number): boolean {
  const a = cls[i - 1];
  const b = cls[i];
  const before = i >= 2 ? cls[i - 2] : OTHER;
  const after = i + 1 < n ? cls[i + 1] : OTHER;
  if (a === LETTER && b === LETTER) return true; // WB5
  if (a === LETTER && (b === MID_LETTER || b === MID_NUM_LET) && after === LETTER) return true; // WB6
  if (before === LETTER && (a === MID_LETTER || a === MID_NUM_LET) && b === LETTER) return true; // WB7
  if (a === DIGIT && b === DIGIT) return true; // WB8
  if (a === LETTER && b === DIGIT) return true; // WB9
  if (a === DIGIT && b === LETTER) return true; // WB10
  if (before === DIGIT && (a === MID_NUM || a === MID_NUM_LET) && b === DIGIT) return true; // WB11
  if (a === DIGIT && (b === MID_NUM || b === MID_NUM_LET) && after === DIGIT) return true; // WB12
  if ((a === LETTER || a === DIGIT || a === EXTEND_NUM_LET) && b === EXTEND_NUM_LET) return true; // WB13a
  if (a === EXTEND_NUM_LET && (b === LETTER || b === DIGIT)) return true; // WB13b
  return false;
}

function asciiWordSpans(text: string): WordSpan[] {
  const n = text.length;
  const cls = new Uint8Array(n);
  for (let i = 0; i < n; i++) cls[i] = ASCII_CLASS[text.charCodeAt(i)];
  const spans: WordSpan[] = [];
  let start = 0;
  let wordLike = n > 0 && (cls[0] === LETTER || cls[0] === DIGIT);
  for (let i = 1; i <= n; i++) {
    if (i < n && asciiJoins(cls, i, n)) {
      if (cls[i] === LETTER || cls[i] === DIGIT) wordLike = true;
      continue;
    }
    if (wordLike) spans.push({ start, end: i });
    start = i;
    wordLike = i < n && (cls[i] === LETTER || cls[i] === DIGIT);
  }
  return spans;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Lucene emits every ideograph and every hiragana character as its own token. */
const SINGLE_CHAR_TOKEN = /[\p{Script=Han}\p{Script=Hiragana}]/u;
/** Lucene keeps runs of these scripts (line-break class SA) whole; ICU splits them with a dictionary. */
const SOUTH_EAST_ASIAN = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Tai_Tham}\p{Script=Tai_Viet}\p{Script=New_Tai_Lue}\p{Script=Tai_Le}\p{M}]+$/u;
/** ICU calls a run of underscores word-like; Lucene needs a letter or digit in the token. */
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const EMOJI_START = /^(?:\p{Emoji_Presentation}|\p{Regional_Indicator}|\p{Extended_Pictographic}\uFE0F|[#*0-9]\uFE0F?\u20E3)/u;

function splitSingleChars(segment: string, offset: number, out: WordSpan[]): void {
  let runStart = -1;
  let i = 0;
  for (const ch of segment) {
    if (SINGLE_CHAR_TOKEN.test(ch)) {
      if (runStart >= 0) out.push({ start: offset + runStart, end: offset + i });
      runStart = -1;
      out.push({ start: offset + i, end: offset + i + ch.length });
    } else if (runStart < 0) {
      runStart = i;
    }
    i += ch.length;
  }
  if (runStart >= 0) out.push({ start: offset + runStart, end: offset + i });
}

function unicodeWordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  let lastWasSouthEastAsian = false;
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    if (isWordLike && HAS_LETTER_OR_DIGIT.test(segment)) {
      const southEastAsian = SOUTH_EAST_ASIAN.test(segment);
      const previous = spans[spans.length - 1];
      if (southEastAsian && lastWasSouthEastAsian && previous !== undefined && previous.end === index) {
        previous.end = index + segment.length;
      } else if (SINGLE_CHAR_TOKEN.test(segment)) {
        splitSingleChars(segment, index, spans);
      } else {
        spans.push({ start: index, end: index + segment.length });
      }
      lastWasSouthEastAsian = southEastAsian;
    } else {
      lastWasSouthEastAsian = false;
      if (EMOJI_START.test(segment)) spans.push({ start: index, end: index + segment.length });
    }
  }
  return spans;
}

export function wordSpans(text: string): WordSpan[] {
  return isAscii(text) ? asciiWordSpans(text) : unicodeWordSpans(text);
}

/** Exposed for the property test that checks the ASCII fast path against Intl.Segmenter. */
export function segmenterWordSpans(text: string): WordSpan[] {
  return unicodeWordSpans(text);
}
