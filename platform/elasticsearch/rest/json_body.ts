/**
 * JSON in and out of the REST layer: body parsing with Elasticsearch-shaped errors, and a serializer that
 * splices raw `_source` bytes into responses unparsed (lossless for integers above 2^53).
 */
import { randomBytes } from 'node:crypto';
import { EsError } from '../errors';

/** A JSON text written into a response as-is. */
/** Texts of the RawJson values met by the `serializeJson` call in progress (JSON.stringify is synchronous). */
let collecting: string[] | undefined;

export class RawJson {
  constructor(readonly text: string) {}
  parse(): unknown {
    return JSON.parse(this.text);
  }
  /**
   * Inside `serializeJson`: a placeholder that is replaced by the raw text afterwards (a toJSON keeps
   * JSON.stringify on its fast path, where a replacer function would be called for every value).
   * Elsewhere: the plain shape `{text}`.
   */
  toJSON(): unknown {
    if (collecting === undefined) return { text: this.text };
    collecting.push(this.text);
    return `${TOKEN_PREFIX}${collecting.length - 1}`;
  }
}

const NONCE = randomBytes(6).toString('hex');
const TOKEN_PREFIX = `\u0000raw${NONCE}:`;

/** Serializes `value`, writing every RawJson's text verbatim (compact or pretty). */
export function serializeJson(value: unknown, pretty: boolean): string {
  const raws: string[] = [];
  const outer = collecting;
  collecting = raws;
  let text: string | undefined;
  try {
    text = JSON.stringify(value, undefined, pretty ? 2 : undefined);
  } finally {
    collecting = outer;
  }
  if (text === undefined) return '';
  if (raws.length === 0) return text;
  const escaped = JSON.stringify(TOKEN_PREFIX).slice(1, -1);
  return text.replace(new RegExp(`"${escaped.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(\\d+)"`, 'g'), (_m, i: string) =>
    raws[Number(i)].trim(),
  );
}

/** Replaces every RawJson by its parsed value (for filter_path, which needs a tree). */
export function materializeRaw(value: unknown): unknown {
  if (value instanceof RawJson) return value.parse();
  if (Array.isArray(value)) return value.map(materializeRaw);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = materializeRaw(v);
    return out;
  }
  return value;
}

/** `[line:col]` of a character offset, 1-based, as Jackson reports it. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { line, col };
}

export function jsonParseError(text: string, e: unknown, type = 'x_content_parse_exception'): EsError {
  // V8's messages do not always carry a position (and may quote the whole body): locate it ourselves.
  const located = locateJsonError(text);
  const offset = located?.offset ?? text.length;
  const detail = located?.message ?? (e instanceof Error ? e.message.slice(0, 200) : 'malformed JSON');
  const { line, col } = lineCol(text, offset);
  return new EsError(400, type, `[${line}:${col}] ${detail}`, { line, col });
}

/** A small JSON scanner that finds the first syntax error and describes it like Jackson. */
export function locateJsonError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  class Fail {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const describe = (at: number): string =>
    at >= text.length ? 'end-of-input' : `'${text[at]}' (code ${text.charCodeAt(at)})`;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const str = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) throw new Fail(i, `Illegal unquoted character (code ${text.charCodeAt(i)}): has to be escaped using backslash to be included in string value`);
      i++;
    }
    if (i >= text.length) throw new Fail(i, 'Unexpected end-of-input: was expecting closing quote for a string value');
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Fail(i, `Unexpected character (${describe(i)}): was expecting double-quote to start field name`);
        str();
        ws();
        if (text[i] !== ':') throw new Fail(i, `Unexpected character (${describe(i)}): was expecting a colon to separate field name and value`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        throw new Fail(i, `Unexpected character (${describe(i)}): was expecting comma to separate Object entries`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        throw new Fail(i, `Unexpected character (${describe(i)}): was expecting comma to separate Array entries`);
      }
    }
    if (c === '"') return str();
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return;
    }
    if (i >= text.length) throw new Fail(i, 'Unexpected end-of-input: expected a value');
    throw new Fail(
      i,
      `Unrecognized token '${/^[^\s,:{}[\]"]*/.exec(text.slice(i, i + 60))?.[0] || text[i]}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`,
    );
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Fail(i, `Unexpected character (${describe(i)}): expected end of content`);
  } catch (e) {
    if (e instanceof Fail) return { offset: e.offset, message: e.message };
    throw e;
  }
  return undefined;
}

/** Jackson's StreamReadConstraints default, which Elasticsearch applies to every JSON body. */
export const MAX_NESTING_DEPTH = 1000;

/** Rejects bodies nested deeper than Elasticsearch accepts, before recursive parsers could exhaust the stack. */
function checkNestingDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_NESTING_DEPTH) {
        const { line, col } = lineCol(text, i);
        throw new EsError(
          400,
          'x_content_parse_exception',
          `[${line}:${col}] Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
          { line, col },
        );
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
}

/** Parses a request body; an empty body is `undefined`. */
export function parseJsonBody(text: string): unknown {
  if (text.trim().length === 0) return undefined;
  checkNestingDepth(text);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw jsonParseError(text, e);
  }
}

/** Lucene's LevenshteinDistance similarity, as ES uses for "did you mean" suggestions. */
export function similarity(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return n === m ? 1 : 0;
  let prev = Array.from({ length: n + 1 }, (_, i) => i);
  for (let j = 1; j <= m; j++) {
    const cur = [j];
    for (let i = 1; i <= n; i++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[i] = Math.min(cur[i - 1] + 1, prev[i] + 1, prev[i - 1] + cost);
    }
    prev = cur;
  }
  return 1 - prev[n] / Math.max(n, m);
}

/** Candidates similar enough to `name` (ES threshold 0.5, best first). */
export function didYouMean(name: string, candidates: readonly string[]): string[] {
  return candidates
    .map((c) => ({ c, s: similarity(name, c) }))
    .filter((x) => x.s > 0.5)
    .sort((x, y) => y.s - x.s || (x.c < y.c ? -1 : 1))
    .map((x) => x.c);
}
