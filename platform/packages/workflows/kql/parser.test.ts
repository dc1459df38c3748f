import { KqlSyntaxError, WILDCARD } from './ast';
import { parseKql } from './parser';

describe('parseKql', () => {
  it('parses field matches with dotted, indexed and numeric paths', () => {
    expect(parseKql('a.b[0].c: x')).toEqual({ type: 'match', field: ['a', 'b', 0, 'c'], fieldText: 'a.b[0].c', value: { kind: 'literal', text: 'x', quoted: false } });
    expect(parseKql('steps.my-step.output.0: 1')).toMatchObject({ field: ['steps', 'my-step', 'output', 0] });
  });

  it('applies precedence not > and > or, case-insensitively', () => {
    expect(parseKql('a:1 OR b:2 and NOT c:3')).toEqual({
      type: 'or',
      children: [
        { type: 'match', field: ['a'], fieldText: 'a', value: { kind: 'literal', text: '1', quoted: false } },
        {
          type: 'and',
          children: [
            { type: 'match', field: ['b'], fieldText: 'b', value: { kind: 'literal', text: '2', quoted: false } },
            { type: 'not', child: { type: 'match', field: ['c'], fieldText: 'c', value: { kind: 'literal', text: '3', quoted: false } } },
          ],
        },
      ],
    });
  });

  it('parses parentheses and nested not', () => {
    expect(parseKql('not (a:1 or b:2)')).toMatchObject({ type: 'not', child: { type: 'or' } });
    expect(parseKql('not not a:1')).toMatchObject({ type: 'not', child: { type: 'not', child: { type: 'match' } } });
    expect(parseKql('(a:1)')).toMatchObject({ type: 'match' });
  });

  it('parses range operators', () => {
    expect(parseKql('score >= 0.85')).toMatchObject({ type: 'range', operator: '>=', value: { text: '0.85' } });
    expect(parseKql('score<5')).toMatchObject({ type: 'range', operator: '<', value: { text: '5' } });
    expect(parseKql('@timestamp > 2024-01-01T00:00:00Z')).toMatchObject({ type: 'range', operator: '>', value: { text: '2024-01-01T00:00:00Z' } });
  });

  it('reads unquoted values up to whitespace + keyword, ")" or the end, trimmed', () => {
    expect(parseKql('msg: hello world  and b:1')).toMatchObject({ type: 'and', children: [{ value: { text: 'hello world' } }, { field: ['b'] }] });
    expect(parseKql('(msg: x y)')).toMatchObject({ value: { text: 'x y' } });
    expect(parseKql('name: android')).toMatchObject({ value: { text: 'android' } });
  });

  it('handles quoted values with escapes and never treats them as wildcards', () => {
    expect(parseKql('a: "x \\"y\\" \\\\ *"')).toMatchObject({ value: { kind: 'literal', text: 'x "y" \\ *', quoted: true } });
  });

  it('parses wildcards and escaped stars', () => {
    expect(parseKql('a: foo*bar')).toMatchObject({ value: { kind: 'wildcard', parts: ['foo', WILDCARD, 'bar'] } });
    expect(parseKql('a:*')).toMatchObject({ value: { kind: 'wildcard', parts: [WILDCARD] } });
    expect(parseKql('a: foo\\*')).toMatchObject({ value: { kind: 'literal', text: 'foo*' } });
    expect(parseKql('a: x\\ and')).toMatchObject({ value: { kind: 'literal', text: 'x and' } });
  });

  it('parses a bare value as free text', () => {
    expect(parseKql('true')).toEqual({ type: 'freeText', value: { kind: 'literal', text: 'true', quoted: false } });
    expect(parseKql('"quoted text"')).toMatchObject({ type: 'freeText', value: { quoted: true } });
  });

  it.each([
    ['f:(a or b)', 'Grouped values'],
    ['f:{x}', 'Nested queries'],
    ['f:', 'Expected a value'],
    ['f: and g:1', 'Expected a value'],
    ['', 'end of input'],
    ['a:1 and', 'Expected a term'],
    ['(a:1', 'Expected ")"'],
    ['a:1)', 'unmatched ")"'],
    ['a: "unterminated', 'Unterminated'],
    ['a >= ', 'Expected a value'],
  ])('rejects %j', (text, message) => {
    expect(() => parseKql(text)).toThrow(KqlSyntaxError);
    expect(() => parseKql(text)).toThrow(message);
  });

  it('reports the position of the error', () => {
    try {
      parseKql('a:1 and b:(c)');
      throw new Error('expected a syntax error');
    } catch (error) {
      expect(error).toBeInstanceOf(KqlSyntaxError);
      expect((error as KqlSyntaxError).position).toBe(10);
    }
  });
});
