import { buildAgentMessages, conversationTitle, renderUserContent } from './agent_prompt';

describe('renderUserContent', () => {
  it('appends one attachment block per attachment: strings verbatim, the rest as indented JSON', () => {
    expect(
      renderUserContent('Is this benign?', [
        { id: 'alert-1', type: 'security.alert', data: { host: { name: 'h1' } } },
        { type: 'text', data: 'raw "log" line', hidden: true },
      ]),
    ).toBe(
      'Is this benign?\n\n' +
        '<attachment id="alert-1" type="security.alert">\n{\n  "host": {\n    "name": "h1"\n  }\n}\n</attachment>\n\n' +
        '<attachment id="attachment-2" type="text">\nraw "log" line\n</attachment>',
    );
  });

  it('is just the message without attachments, and escapes attribute quotes', () => {
    expect(renderUserContent('hi')).toBe('hi');
    expect(renderUserContent('x', [{ id: 'a"b', type: 't', data: 1 }])).toBe('x\n\n<attachment id="a&quot;b" type="t">\n1\n</attachment>');
  });
});

describe('buildAgentMessages', () => {
  it('replays earlier rounds before the new user turn', () => {
    const usage = { connectorId: 'c', inputTokens: 1, outputTokens: 1, totalTokens: 2 };
    const round = { message: 'm1', userContent: 'u1', response: 'r1', usage, createdAt: '2026-01-01T00:00:00.000Z' };
    expect(buildAgentMessages([round], 'u2')).toEqual([
      { role: 'user', content: 'u1' },
      { role: 'assistant', content: 'r1' },
      { role: 'user', content: 'u2' },
    ]);
  });
});

describe('conversationTitle', () => {
  it('keeps the first 80 characters', () => {
    expect(conversationTitle('a'.repeat(100))).toBe('a'.repeat(80));
    expect(conversationTitle('short')).toBe('short');
  });
});
