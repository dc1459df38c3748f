/** Splits a byte stream into NDJSON lines: partial lines wait for their newline, multi-byte characters survive chunking. */
export interface NdjsonSplitter {
  push(chunk: string): string[];
  flush(): string[];
}

export function createNdjsonSplitter(): NdjsonSplitter {
  let buffer = '';
  return {
    push(chunk) {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      return lines.map((l) => l.trim()).filter((l) => l !== '');
    },
    flush() {
      const rest = buffer.trim();
      buffer = '';
      return rest ? [rest] : [];
    },
  };
}

/** The part of a fetch Response body the reader needs (a WHATWG ReadableStream satisfies it). */
export interface ByteStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void> };
}

/** Parsed lines of an NDJSON body, in order. A line that is not JSON is an error: the stream is corrupt. */
export async function* readNdjson(body: ByteStream): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const splitter = createNdjsonSplitter();
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new Error(`The chat stream sent a line that is not JSON: ${line.slice(0, 120)}`);
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const line of splitter.push(decoder.decode(value, { stream: true }))) yield parse(line);
    }
    for (const line of splitter.push(decoder.decode())) yield parse(line);
    for (const line of splitter.flush()) yield parse(line);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
