/**
 * NDJSON codec (assistant.md §3.6): one JSON value per `\n`-terminated line. The decoder is chunk-agnostic: lines
 * and multi-byte UTF-8 characters may be split across network chunks anywhere. No Node or DOM APIs beyond
 * TextEncoder/TextDecoder, so the browser uses the same code.
 */

/** One line: JSON.stringify never emits a raw line break, so a line is always one value. */
export function encodeNdjsonLine(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('NDJSON cannot encode undefined');
  return `${text}\n`;
}

export class NdjsonParseError extends Error {
  constructor(
    readonly lineNumber: number,
    readonly line: string,
    cause: unknown,
  ) {
    super(`NDJSON line ${lineNumber} is not valid JSON: ${line.length > 120 ? `${line.slice(0, 120)}…` : line}`, { cause });
    this.name = 'NdjsonParseError';
  }
}

export interface NdjsonDecoder<T = unknown> {
  /** Feeds a chunk; returns the values of every line it completed. */
  push(chunk: string | Uint8Array): T[];
  /** End of input: a final line without `\n` is still a value. */
  flush(): T[];
}

export interface NdjsonDecoderOptions<T> {
  /** Validates/converts each parsed value (e.g. a zod `parse`); throwing rejects the line. */
  map?: (value: unknown, lineNumber: number) => T;
}

export function createNdjsonDecoder<T = unknown>(options: NdjsonDecoderOptions<T> = {}): NdjsonDecoder<T> {
  const utf8 = new TextDecoder('utf-8');
  let buffer = '';
  let lineNumber = 0;
  const map = options.map ?? ((value: unknown) => value as T);

  const parseLine = (raw: string, out: T[]) => {
    lineNumber += 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new NdjsonParseError(lineNumber, line, error);
    }
    out.push(map(value, lineNumber));
  };

  const drain = (out: T[]) => {
    let newline = buffer.indexOf('\n');
    while (newline !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      parseLine(line, out);
      newline = buffer.indexOf('\n');
    }
  };

  return {
    push(chunk) {
      buffer += typeof chunk === 'string' ? chunk : utf8.decode(chunk, { stream: true });
      const out: T[] = [];
      drain(out);
      return out;
    },
    flush() {
      buffer += utf8.decode();
      const out: T[] = [];
      drain(out);
      const rest = buffer;
      buffer = '';
      if (rest !== '') parseLine(rest, out);
      return out;
    },
  };
}

/** Reads a fetch body (WHATWG stream) as NDJSON values. */
export async function* readNdjson<T = unknown>(
  body: ReadableStream<Uint8Array>,
  options: NdjsonDecoderOptions<T> = {},
): AsyncGenerator<T> {
  const decoder = createNdjsonDecoder(options);
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* decoder.push(value);
    }
    yield* decoder.flush();
  } finally {
    reader.releaseLock();
  }
}
