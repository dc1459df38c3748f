import fc from 'fast-check';
import {
  createFieldPolicy,
  createReplacementsStore,
  createScrubber,
  createStreamDeanonymizer,
  deanonymize,
  findLeaks,
  findTokens,
  guardOutbound,
  serializeContext,
  stripThinking,
  type FieldRule,
} from './index';

/**
 * Property tests for §5.8: no anonymized or denied value reaches what would be sent to an LLM, and the streamed
 * display equals the non-streamed one under every chunking.
 */

const RULES: FieldRule[] = [
  { field: 'host.name', allowed: true, anonymized: true },
  { field: 'user.name', allowed: true, anonymized: true },
  { field: 'source.ip', allowed: false, anonymized: false },
  { field: 'message', allowed: true, anonymized: false },
  { field: 'process.command_line', allowed: true, anonymized: false },
];

const SEPARATORS = [' ', '/', '@', '.', ',', '\\', '"', '\n', '(', ')', ':', '=', ' - ', '\t', '|', "'"];
const WORDS = ['ssh', 'login', 'from', 'to', 'the', 'process', 'wrote', 'file', 'cmd.exe', 'run', 'é', '日本', 'x1'];

/** Distinctive canary values (like cnry-h-5f1c9a / 203.0.113.77) so "appears" can be checked as a raw substring. */
const canaryArb = fc.oneof(
  fc.stringMatching(/^cnry-[a-z]{1,3}-[0-9a-f]{4,8}$/),
  fc.tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(
    ([a, b, c]) => `203.${a}.${b}.${c}`,
  ),
);

const caseVariant = (value: string, mode: number) =>
  mode === 0 ? value : mode === 1 ? value.toUpperCase() : value.replace(/[a-z]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c));

interface Scenario {
  hosts: string[];
  users: string[];
  denied: string[];
  texts: Array<Array<{ word?: string; ref: number; mode: number; sep: string }>>;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .uniqueArray(canaryArb, { minLength: 3, maxLength: 9, selector: (v) => v.toLowerCase() })
  .chain((canaries) => {
    const k = canaries.length;
    const piece = fc.record({
      word: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
      ref: fc.integer({ min: 0, max: k - 1 }),
      mode: fc.integer({ min: 0, max: 2 }),
      sep: fc.constantFrom(...SEPARATORS),
    });
    return fc.record({
      hosts: fc.constant(canaries.slice(0, Math.ceil(k / 3))),
      users: fc.constant(canaries.slice(Math.ceil(k / 3), Math.ceil((2 * k) / 3))),
      denied: fc.constant(canaries.slice(Math.ceil((2 * k) / 3))),
      texts: fc.array(fc.array(piece, { minLength: 1, maxLength: 25 }), { minLength: 4, maxLength: 4 }),
    });
  });

function render(text: Scenario['texts'][number], all: string[]): string {
  return text.map((p) => (p.word !== undefined ? p.word : caseVariant(all[p.ref], p.mode)) + p.sep).join('');
}

describe('anonymization properties', () => {
  it('AN-T1: no anonymized or denied value appears in a serialized context or a guarded request', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const all = [...s.hosts, ...s.users, ...s.denied];
        const store = createReplacementsStore();
        const context = serializeContext({
          id: 'ctx',
          category: 'alert',
          description: render(s.texts[3], all),
          document: {
            host: { name: s.hosts },
            user: { name: s.users },
            source: { ip: s.denied },
            message: render(s.texts[0], all),
            process: { command_line: render(s.texts[1], all) },
          },
          policy: createFieldPolicy(RULES),
          store,
        });
        // The rest of a request: typed text, remembered knowledge, a tool result and a tool call from history.
        const messages = guardOutbound(
          [
            { role: 'system', content: `Knowledge: ${render(s.texts[2], all)}` },
            { role: 'user', content: `${context.text}\n${render(s.texts[3], all)}` },
            { role: 'assistant', content: '', toolCalls: [{ arguments: JSON.stringify({ q: render(s.texts[0], all) }) }] },
            { role: 'tool', content: render(s.texts[1], all) },
          ],
          { store, denied: context.deniedValues },
        );
        const sent = messages.map((m) => m.content + (m.toolCalls ?? []).map((c) => c.arguments).join('')).join('\n');
        const lower = sent.toLowerCase();
        for (const canary of all) expect(lower).not.toContain(canary.toLowerCase());
        const known = store.toReplacements();
        for (const token of findTokens(sent)) expect(known[token]).toBeDefined();
        // Denied values are never tokenized (a token would let the display reveal them).
        for (const d of s.denied) expect(store.findToken(d)).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it('AN-3: after scrubbing, no scrubbable value is left at a token boundary, for arbitrary text and values', () => {
    const valueArb = fc
      .string({ unit: fc.constantFrom('a', 'g', 'z', 'Q', '1', '-', '.', ' ', 'é', '@', '_'), minLength: 3, maxLength: 8 })
      .filter((v) => /[g-zG-Zé]/.test(v) && v.trim().length >= 3);
    fc.assert(
      fc.property(
        fc.uniqueArray(valueArb, { minLength: 1, maxLength: 6, selector: (v) => v.trim().toLowerCase() }),
        fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.nat(20)), { maxLength: 30 }),
        fc.nat(),
        (values, parts, split) => {
          const anonymized = values.slice(0, Math.max(1, split % (values.length + 1)));
          const denied = values.slice(anonymized.length);
          const store = createReplacementsStore();
          const scrub = createScrubber({
            anonymized: anonymized.map((value) => ({ value, token: store.tokenFor(value, 'f') })),
            denied,
          });
          const text = parts.map((p) => (typeof p === 'number' ? values[p % values.length] : p)).join('');
          expect(findLeaks(scrub(text), values)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('AN-7/AN-T3: streamed de-anonymization equals deanonymize(full) for every chunking', () => {
    const tokens = [
      'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
      '0f0f0f0f-1234-4abc-9def-0123456789ab',
      'ABCDEF01-2345-4678-B9AB-CDEF01234567'.toLowerCase(),
    ];
    const unknown = 'cccccccc-cccc-4ccc-accc-cccccccccccc';
    const map = { [tokens[0]]: 'web01', [tokens[1]]: 'bob', [tokens[2]]: 'Ωmega' };
    const pieceArb = fc.oneof(
      fc.constantFrom(...tokens, unknown, tokens[1].toUpperCase(), '<think>', '</think>', '<thi', ' ', '\n', '-', 'x', '4'),
      fc.constantFrom(...tokens).chain((t) => fc.nat(35).map((n) => t.slice(0, n + 1))),
      fc.string({ maxLength: 5 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '8', '4', '-', 'f'), maxLength: 12 }),
    );
    fc.assert(
      fc.property(
        fc.array(pieceArb, { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (pieces, sizes, strip) => {
          const full = pieces.join('');
          const d = createStreamDeanonymizer(map, { stripThinking: strip });
          let out = '';
          let at = 0;
          let i = 0;
          while (at < full.length) {
            const size = sizes[i % sizes.length];
            out += d.push(full.slice(at, at + size));
            at += size;
            i += 1;
          }
          out += d.flush();
          expect(out).toBe(deanonymize(strip ? stripThinking(full) : full, map));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('AN-2: scrubbing then de-anonymizing restores the text up to case when nothing is denied', () => {
    const valueArb = fc.stringMatching(/^[a-z][a-z0-9._-]{2,10}[a-z]$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(valueArb, { minLength: 1, maxLength: 5, selector: (v) => v.toLowerCase() }),
        fc.array(fc.tuple(fc.nat(10), fc.constantFrom(' ', ', ', '/', ' and ')), { maxLength: 15 }),
        (values, refs) => {
          // Values that contain one another make the longest-first choice visible; keep them disjoint here.
          fc.pre(values.every((a) => values.every((b) => a === b || !b.includes(a))));
          const store = createReplacementsStore();
          const scrub = createScrubber({ anonymized: values.map((value) => ({ value, token: store.tokenFor(value, 'f') })) });
          const text = refs.map(([r, sep]) => values[r % values.length].toUpperCase() + sep).join('');
          expect(deanonymize(scrub(text), store.toReplacements()).toLowerCase()).toBe(text.toLowerCase());
        },
      ),
      { numRuns: 200 },
    );
  });
});
