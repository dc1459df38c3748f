import {
  createReplacementsStore,
  createStreamDeanonymizer,
  createThinkStripper,
  deanonymize,
  findTokens,
  guardOutbound,
  REDACTED,
  stripThinking,
} from './index';

const T1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const T2 = 'bbbbbbbb-bbbb-4bbb-9bbb-bbbbbbbbbbbb';
const UNKNOWN = 'cccccccc-cccc-4ccc-accc-cccccccccccc';
const map = { [T1]: 'web01', [T2]: 'bob' };

function streamAll(chunks: string[], options = {}) {
  const d = createStreamDeanonymizer(map, options);
  return chunks.map((c) => d.push(c)).join('') + d.flush();
}

describe('deanonymize (§5.7)', () => {
  it('replaces whole known tokens, any case, and leaves unknown or glued ones', () => {
    expect(deanonymize(`${T1} and ${T2.toUpperCase()}; ${UNKNOWN}; x${T1}; ${T1}9`, map)).toBe(
      `web01 and bob; ${UNKNOWN}; x${T1}; ${T1}9`,
    );
    expect(findTokens(`${T1} ${T1} ${UNKNOWN}`)).toEqual([T1, UNKNOWN]);
  });

  it('strips <think> blocks including an unclosed one', () => {
    expect(stripThinking('<think>plan</think>\n\nAnswer <think>more</think>done')).toBe('Answer done');
    expect(stripThinking('Partial <think>still thinking')).toBe('Partial ');
  });
});

describe('createStreamDeanonymizer (AN-7)', () => {
  it('handles a token split across chunks', () => {
    expect(streamAll(['Host ', T1.slice(0, 5), T1.slice(5, 20), T1.slice(20), ' is bad'])).toBe('Host web01 is bad');
  });

  it('holds a complete token until the next character decides it', () => {
    const d = createStreamDeanonymizer(map);
    expect(d.push(`see ${T1}`)).toBe('see ');
    expect(d.push('x')).toBe(`${T1}x`);
    expect(d.flush()).toBe('');
    const e = createStreamDeanonymizer(map);
    e.push(`see ${T1}`);
    expect(e.push('.')).toBe('web01.');
  });

  it('emits non-token text immediately', () => {
    const d = createStreamDeanonymizer(map);
    expect(d.push('hello world ')).toBe('hello world ');
    expect(d.push('zzz')).toBe('zzz');
  });

  it('learns replacements mid-stream', () => {
    const d = createStreamDeanonymizer({});
    const first = d.push(`user ${UNKNOWN.slice(0, 10)}`);
    d.addReplacements({ [UNKNOWN]: 'carol' });
    expect(first + d.push(UNKNOWN.slice(10)) + d.flush()).toBe('user carol');
  });

  it('strips split <think> tags when asked', () => {
    expect(streamAll(['<th', 'ink>secret ', T1, '</thi', 'nk>  ', ' Answer ', T2], { stripThinking: true })).toBe('Answer bob');
    expect(streamAll(['a <', 'b> c'], { stripThinking: true })).toBe('a <b> c');
    const s = createThinkStripper();
    expect(s.push('x <thi') + s.flush()).toBe('x <thi');
  });
});

describe('guardOutbound (AN-5)', () => {
  it('scrubs every message and tool-call argument against the map and this turn’s denied values', () => {
    const store = createReplacementsStore();
    const t = store.tokenFor('web01', 'host.name');
    const out = guardOutbound(
      [
        { role: 'system', content: 'Known host WEB01' },
        { role: 'assistant', content: '', toolCalls: [{ id: '1', name: 'kb', arguments: '{"query":"web01 10.1.2.3"}' }] },
        { role: 'tool', content: 'result mentions web01 and 10.1.2.3', toolCallId: '1' },
      ],
      { store, denied: ['10.1.2.3'] },
    );
    expect(out.map((m) => m.content)).toEqual([`Known host ${t}`, '', `result mentions ${t} and ${REDACTED}`]);
    expect(out[1].toolCalls?.[0]).toEqual({ id: '1', name: 'kb', arguments: `{"query":"${t} ${REDACTED}"}` });
    expect(out[0]).toEqual({ role: 'system', content: `Known host ${t}` });
    // JSON escapes (\t, \n) in front of a value must not hide it from whole-token matching.
    const [call] = guardOutbound([{ content: '', toolCalls: [{ arguments: JSON.stringify({ q: 'a\tweb01\nweb01' }) }] }], {
      store,
    });
    expect(call.toolCalls?.[0].arguments).toBe(JSON.stringify({ q: `a\t${t}\n${t}` }));
  });
});
