import fc from 'fast-check';
import { ChatEventError, NdjsonParseError, createChatEventDecoder, createNdjsonDecoder, encodeChatEvent, encodeNdjsonLine, readNdjson } from './index';
import type { ChatStreamEvent } from '../api/chat';

const splitAt = (text: string, cuts: number[]): string[] => {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(text.slice(last, p));
    last = p;
  }
  parts.push(text.slice(last));
  return parts;
};

describe('NDJSON codec', () => {
  it('round-trips values whose strings hold line breaks', () => {
    const values = [{ a: 'x\ny' }, 'line\r\nbreak', 3, null, { u: '\u2028' }];
    const decoder = createNdjsonDecoder();
    const text = values.map(encodeNdjsonLine).join('');
    expect(text.split('\n')).toHaveLength(values.length + 1);
    expect([...decoder.push(text), ...decoder.flush()]).toEqual(values);
  });

  it('decodes lines split across chunks at any position (strings)', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), (values, cuts) => {
        const text = values.map(encodeNdjsonLine).join('');
        const decoder = createNdjsonDecoder();
        const out = splitAt(text, cuts).flatMap((part) => decoder.push(part));
        out.push(...decoder.flush());
        expect(out).toEqual(JSON.parse(JSON.stringify(values)));
      }),
    );
  });

  it('decodes multi-byte UTF-8 characters split across byte chunks', () => {
    const values = [{ t: 'höst — 日本語 🎉' }, { t: 'ok' }];
    const bytes = new TextEncoder().encode(values.map(encodeNdjsonLine).join(''));
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const decoder = createNdjsonDecoder();
      const out = [...decoder.push(bytes.slice(0, cut)), ...decoder.push(bytes.slice(cut)), ...decoder.flush()];
      expect(out).toEqual(values);
    }
  });

  it('accepts a final line without newline, CRLF endings and blank lines', () => {
    const decoder = createNdjsonDecoder();
    expect(decoder.push('{"a":1}\r\n\n{"b":')).toEqual([{ a: 1 }]);
    expect(decoder.push('2}')).toEqual([]);
    expect(decoder.flush()).toEqual([{ b: 2 }]);
  });

  it('names the line that is not JSON', () => {
    const decoder = createNdjsonDecoder();
    decoder.push('{"ok":true}\n');
    expect(() => decoder.push('{broken\n')).toThrow(NdjsonParseError);
    expect(() => createNdjsonDecoder().push('\n\nnope\n')).toThrow('NDJSON line 3 is not valid JSON: nope');
  });

  it('reads a WHATWG stream', async () => {
    const chunks = ['{"a":', '1}\n{"b"', ':2}\n'].map((s) => new TextEncoder().encode(s));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    const out: unknown[] = [];
    for await (const v of readNdjson(body)) out.push(v);
    expect(out).toEqual([{ a: 1 }, { b: 2 }]);
  });
});

describe('chat event codec', () => {
  it('validates events and rejects unknown or malformed ones', () => {
    const events: ChatStreamEvent[] = [
      { type: 'content', payload: 'hel' },
      { type: 'ping' },
      { type: 'error', code: 'llm_timeout', message: 'slow', retryable: true },
    ];
    const decoder = createChatEventDecoder();
    expect(decoder.push(events.map(encodeChatEvent).join(''))).toEqual(events);
    expect(() => decoder.push('{"type":"content"}\n')).toThrow(ChatEventError);
    expect(() => createChatEventDecoder().push('{"type":"nope"}\n')).toThrow('line 1');
  });
});
