import { KqlSyntaxError, kqlFilterToQuery, matchesKql, parseKql } from '.';

describe('parseKql', () => {
  it('parses field comparisons with precedence: not > and > or', () => {
    expect(parseKql('a:1 or b:2 and not c:3')).toEqual({
      type: 'or',
      nodes: [
        { type: 'match', field: 'a', value: { kind: 'text', value: '1', wildcard: false } },
        {
          type: 'and',
          nodes: [
            { type: 'match', field: 'b', value: { kind: 'text', value: '2', wildcard: false } },
            { type: 'not', node: { type: 'match', field: 'c', value: { kind: 'text', value: '3', wildcard: false } } },
          ],
        },
      ],
    });
  });

  it('honours parentheses, value lists, quoted phrases, escapes, exists and ranges', () => {
    expect(parseKql('(a:1 or a:2) and b:"x y*"')).toEqual({
      type: 'and',
      nodes: [
        {
          type: 'or',
          nodes: [
            { type: 'match', field: 'a', value: { kind: 'text', value: '1', wildcard: false } },
            { type: 'match', field: 'a', value: { kind: 'text', value: '2', wildcard: false } },
          ],
        },
        { type: 'match', field: 'b', value: { kind: 'phrase', value: 'x y*' } },
      ],
    });
    expect(parseKql('t:(x OR y*)')).toEqual({
      type: 'or',
      nodes: [
        { type: 'match', field: 't', value: { kind: 'text', value: 'x', wildcard: false } },
        { type: 'match', field: 't', value: { kind: 'text', value: 'y*', wildcard: true } },
      ],
    });
    expect(parseKql('title:a\\:b')).toEqual({ type: 'match', field: 'title', value: { kind: 'text', value: 'a:b', wildcard: false } });
    expect(parseKql('users.name:*')).toEqual({ type: 'exists', field: 'users.name' });
    expect(parseKql('updated_at >= "2026-01-01"')).toEqual({ type: 'range', field: 'updated_at', op: 'gte', value: '2026-01-01' });
  });

  it.each([
    ['', 'Empty filter'],
    ['a:', 'Expected a value'],
    ['(a:1', 'Expected ")"'],
    ['hello', 'free-text terms are not supported'],
    ['a:"x', 'Unterminated quoted value'],
    ['a:1 b', 'Unexpected input'],
  ])('rejects %p', (input, message) => {
    expect(() => parseKql(input)).toThrow(KqlSyntaxError);
    expect(() => parseKql(input)).toThrow(message);
  });
});

describe('kqlFilterToQuery', () => {
  it('translates to bool/match/match_phrase/wildcard/exists/range', () => {
    expect(kqlFilterToQuery('not title:"My chat" and (conversation_type:alert or title:inc?dent*) and updated_at < now and api_config.model:*')).toEqual({
      bool: {
        filter: [
          { bool: { must_not: [{ match_phrase: { title: 'My chat' } }] } },
          {
            bool: {
              should: [{ match: { conversation_type: 'alert' } }, { wildcard: { title: { value: 'inc\\?dent*', case_insensitive: true } } }],
              minimum_should_match: 1,
            },
          },
          { range: { updated_at: { lt: 'now' } } },
          { exists: { field: 'api_config.model' } },
        ],
      },
    });
  });

  it('rejects fields outside the allow-list, naming the allowed ones', () => {
    expect(() => kqlFilterToQuery('secret:1', { allowedFields: ['title', 'id'] })).toThrow('Unknown field [secret] in filter; use one of: id, title');
  });
});

describe('matchesKql', () => {
  const doc = { name: 'Alert triage', prompt_type: 'system', categories: ['alert', 'event'], is_default: true, n: 5 };
  it.each([
    ['prompt_type:system', true],
    ['prompt_type:quick', false],
    ['categories:event and not name:other', true],
    ['name:alert*', true],
    ['name:"alert triage"', true],
    ['name:triage', true],
    ['color:*', false],
    ['is_default:true', true],
    ['n >= 5 and n < 6', true],
    ['(prompt_type:quick or categories:alert) and name:*age', true],
  ])('%p → %p', (filter, expected) => {
    expect(matchesKql(parseKql(filter), doc)).toBe(expected);
  });
});
