/**
 * What one write-ahead-log payload holds: a JSON value, or a JSON header plus a verbatim text
 * attachment (a document's raw source). Storing the source after the header instead of as a JSON
 * string saves escaping it on every write and unescaping it on replay, the largest per-document cost
 * of logging. Payloads of the attachment kind start with `T`, which no JSON text starts with, so logs
 * written before this format existed (JSON only) read back unchanged.
 */

/** A log entry whose text travels unescaped: encoded as `T<header JSON>\n<text>`. */
export class TextRecord {
  constructor(
    readonly header: Record<string, unknown>,
    readonly text: string,
  ) {}
}

const TEXT_MARKER = 0x54; // 'T': the text follows verbatim
const ESCAPED_MARKER = 0x4a; // 'J': the text follows as a JSON string

/**
 * The payload of one entry. A text with lone surrogates (impossible for UTF-8 request bodies, but a
 * JS string can hold them) would not survive UTF-8, so such a text is stored JSON-escaped instead.
 */
export function encodeLogEntry(entry: unknown): string {
  if (entry instanceof TextRecord) {
    const header = JSON.stringify(entry.header);
    return ANY_SURROGATE.test(entry.text) && !isWellFormed(entry.text)
      ? `J${header}\n${JSON.stringify(entry.text)}`
      : `T${header}\n${entry.text}`;
  }
  return JSON.stringify(entry);
}

/** Reverses `encodeLogEntry` (JSON header text never holds a raw newline, so the first one ends it). */
export function decodeLogEntry(payload: Buffer): unknown {
  const text = payload.toString('utf8');
  const marker = payload.length > 0 ? payload[0] : 0;
  if (marker !== TEXT_MARKER && marker !== ESCAPED_MARKER) return JSON.parse(text) as unknown;
  const newline = text.indexOf('\n');
  if (newline < 0) throw new SyntaxError('text record without a header terminator');
  const header: unknown = JSON.parse(text.slice(1, newline));
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw new SyntaxError('text record header is not an object');
  const rest = text.slice(newline + 1);
  const body: unknown = marker === TEXT_MARKER ? rest : JSON.parse(rest);
  if (typeof body !== 'string') throw new SyntaxError('text record body is not a string');
  return new TextRecord(header as Record<string, unknown>, body);
}

const ANY_SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}
