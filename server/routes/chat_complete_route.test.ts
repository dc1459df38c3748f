import { createChatEventDecoder } from '../../common/chat';
import type { ChatStreamEvent } from '../../common/api/chat';
import { createEventStream } from './chat_complete_route';

const collect = (stream: NodeJS.ReadableStream) => {
  const decoder = createChatEventDecoder();
  const events: ChatStreamEvent[] = [];
  stream.on('data', (chunk: Buffer) => events.push(...decoder.push(new Uint8Array(chunk))));
  return events;
};

describe('chat route event stream (§3.6)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('writes one event per line and pings only after the interval of silence', async () => {
    const { stream, write, end } = createEventStream(15_000);
    const events = collect(stream);
    write({ type: 'content', payload: 'a' });
    jest.advanceTimersByTime(14_999);
    write({ type: 'content', payload: 'b' });
    jest.advanceTimersByTime(14_999);
    await Promise.resolve();
    expect(events.map((e) => e.type)).toEqual(['content', 'content']);
    jest.advanceTimersByTime(1);
    jest.advanceTimersByTime(15_000);
    await new Promise(jest.requireActual<typeof import('timers')>('timers').setImmediate);
    expect(events.map((e) => e.type)).toEqual(['content', 'content', 'ping', 'ping']);
    write({ type: 'title', title: 't' });
    end();
    write({ type: 'content', payload: 'after end' });
    jest.advanceTimersByTime(60_000);
    await new Promise(jest.requireActual<typeof import('timers')>('timers').setImmediate);
    expect(events.map((e) => e.type)).toEqual(['content', 'content', 'ping', 'ping', 'title']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stops pinging when the client destroys the stream', () => {
    const { stream, write } = createEventStream(1_000);
    write({ type: 'content', payload: 'x' });
    stream.destroy();
    stream.emit('close');
    expect(jest.getTimerCount()).toBe(0);
  });
});
