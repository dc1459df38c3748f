import { chatCompleteRequestSchema } from './chat';

const issuesOf = (body: unknown) => {
  const r = chatCompleteRequestSchema.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('chatCompleteRequestSchema (§3.4)', () => {
  it('applies defaults', () => {
    expect(chatCompleteRequestSchema.parse({ message: 'hi' })).toEqual({
      message: 'hi',
      regenerate: false,
      contexts: [],
      replacements: {},
      alertsToAnalyze: 50,
      stream: true,
      persist: true,
    });
  });

  it('needs a message or a context unless regenerating', () => {
    expect(issuesOf({})).toEqual(['message: Send a message or at least one context']);
    expect(issuesOf({ contexts: [{ id: 'c', category: 'alert', description: 'd', source: { kind: 'text', text: 'x' } }] })).toEqual([]);
    expect(issuesOf({ regenerate: true })).toEqual(['conversationId: regenerate needs a conversationId']);
    expect(issuesOf({ regenerate: true, conversationId: 'abc' })).toEqual([]);
  });

  it('enforces limits and strictness', () => {
    expect(issuesOf({ message: '' })[0]).toMatch(/^message:/);
    expect(issuesOf({ message: 'x'.repeat(50_001) })[0]).toMatch(/^message:/);
    expect(issuesOf({ message: 'x', alertsToAnalyze: 501 })[0]).toMatch(/^alertsToAnalyze:/);
    expect(issuesOf({ message: 'x', extra: 1 })[0]).toMatch(/Unrecognized key/);
    expect(issuesOf({ message: 'x', replacements: { 'not-a-uuid': 'v' } })[0]).toMatch(/^replacements/);
    const ctx = { id: 'c', category: 'alert', description: 'd', source: { kind: 'text', text: 'x' } };
    expect(issuesOf({ message: 'x', contexts: Array(11).fill(ctx) })[0]).toMatch(/^contexts:/);
    expect(issuesOf({ message: 'x', contexts: [{ ...ctx, source: { kind: 'data', data: { 'bad field!': ['v'] } } }] })[0]).toMatch(
      /^contexts\.0\.source\.data/,
    );
  });
});
