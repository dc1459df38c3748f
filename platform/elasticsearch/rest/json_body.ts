/**
 * JSON in and out of the REST layer: body parsing with Elasticsearch-shaped errors, and a serializer that
 * splices raw `_source` bytes into responses unparsed (lossless for integers above 2^53).
 */
import { randomBytes } from 'node:crypto';
import { EsError } from '../errors';

/** A JSON text written into a response as-is. */
export class RawJson {
  constructor(readonly text: string) {}
  parse(): unknown {
    return JSON.parse(this.text);
  }
}

const NONCE = randomBytes(6).toString('hex');
const TOKEN_PREFIX = `\u0000raw${NONCE}:`;

/** Serializes `value`, writing every RawJson's text verbatim (compact or pretty). */
export function serializeJson(value: unknown, pretty: boolean): string {
  const raws: string[] = [];
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v instanceof RawJson) {
        raws.push(v.text);
        return `${TOKEN_PREFIX}${raws.length - 1}`;
      }
      return v;
    },
    pretty ? 2 : undefined,
  );
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
  const message = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(message);
  const offset = m ? Number(m[1]) : text.length;
  const { line, col } = lineCol(text, offset);
  const detail = message.replace(/ in JSON at position \d+.*$/s, '');
  return new EsError(400, type, `[${line}:${col}] ${detail}`, { line, col });
}

/** Parses a request body; an empty body is `undefined`. */
export function parseJsonBody(text: string): unknown {
  if (text.trim().length === 0) return undefined;
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
