import { KqlSyntaxError, kqlToEs, parseKql } from '.';

describe('parseKql', () => {
  it('gives the empty query as match-all', () => {
    expect(parseKql('   ')).toEqual({ kind: 'all' });
  });

  it('applies not > and > or precedence with case-insensitive keywords', () => {
    expect(parseKql('a:1 OR b:2 and NOT c:3')).toEqual({
      kind: 'or',
      operands: [
        { kind: 'match', field: 'a', value: { kind: 'value', value: { text: '1', quoted: false, wildcard: false, pattern: '1' } } },
        {
          kind: 'and',
          operands: [
            { kind: 'match', field: 'b', value: { kind: 'value', value: { text: '2', quoted: false, wildcard: false, pattern: '2' } } },
            { kind: 'not', operand: { kind: 'match', field: 'c', value: { kind: 'value', value: { text: '3', quoted: false, wildcard: false, pattern: '3' } } } },
          ],
        },
      ],
    });
  });

  it('keeps spaces inside unquoted values until a keyword, and trims them', () => {
    const node = parseKql('host.name: web server 01  and user.name:root');
    expect(node).toMatchObject({ kind: 'and', operands: [{ field: 'host.name', value: { value: { text: 'web server 01' } } }, { field: 'user.name' }] });
  });

  it('resolves escapes: \\* is a literal star, \\: a literal colon', () => {
    expect(parseKql('file.name: a\\*b*')).toMatchObject({ value: { value: { text: 'a*b*', wildcard: true, pattern: 'a\\*b*' } } });
    expect(parseKql('url: http\\://x')).toMatchObject({ field: 'url', value: { value: { text: 'http://x', wildcard: false } } });
  });

  it('reads quoted phrases with escaped quotes and never as wildcards', () => {
    expect(parseKql('message: "say \\"hi\\" *"')).toMatchObject({ value: { value: { text: 'say "hi" *', quoted: true, wildcard: false } } });
  });

  it('parses value lists and ranges', () => {
    expect(parseKql('severity: (high or critical)')).toMatchObject({ kind: 'match', field: 'severity', value: { kind: 'or', operands: [{ value: { text: 'high' } }, { value: { text: 'critical' } }] } });
    expect(parseKql('risk_score >= 70')).toEqual({ kind: 'range', field: 'risk_score', operator: 'gte', value: { text: '70', quoted: false, wildcard: false, pattern: '70' } });
    expect(parseKql('@timestamp < "2024-01-01"')).toMatchObject({ kind: 'range', operator: 'lt', value: { text: '2024-01-01' } });
  });

  it('rejects broken queries with a position', () => {
    for (const bad of ['a:', 'a:(b or c', '"open', 'a:{b:c}', '(a:b', 'a:b)', 'x >= 1*', '()']) {
      expect(() => parseKql(bad)).toThrow(KqlSyntaxError);
    }
    expect(() => parseKql('a:(b or c')).toThrow('Expected ")" at the end of the query (at position 10)');
  });
});

describe('kqlToEs', () => {
  it('translates field values: match, match_phrase, wildcard, exists', () => {
    expect(kqlToEs('host.name: web01')).toEqual({ match: { 'host.name': 'web01' } });
    expect(kqlToEs('kibana.alert.rule.name: "Encoded PowerShell"')).toEqual({ match_phrase: { 'kibana.alert.rule.name': 'Encoded PowerShell' } });
    expect(kqlToEs('process.name: power*.exe')).toEqual({ wildcard: { 'process.name': { value: 'power*.exe' } } });
    expect(kqlToEs('user.name:*')).toEqual({ exists: { field: 'user.name' } });
  });

  it('translates boolean structure and value lists', () => {
    expect(kqlToEs('not kibana.alert.workflow_status: closed and kibana.alert.severity: (high or critical)')).toEqual({
      bool: {
        filter: [
          { bool: { must_not: [{ match: { 'kibana.alert.workflow_status': 'closed' } }] } },
          { bool: { should: [{ match: { 'kibana.alert.severity': 'high' } }, { match: { 'kibana.alert.severity': 'critical' } }], minimum_should_match: 1 } },
        ],
      },
    });
  });

  it('translates ranges and free text', () => {
    expect(kqlToEs('kibana.alert.risk_score > 50')).toEqual({ range: { 'kibana.alert.risk_score': { gt: '50' } } });
    expect(kqlToEs('mimikatz')).toEqual({ multi_match: { query: 'mimikatz', lenient: true, type: 'best_fields' } });
    expect(kqlToEs('"lateral movement"')).toEqual({ multi_match: { query: 'lateral movement', lenient: true, type: 'phrase' } });
    expect(kqlToEs('mimi*')).toEqual({ simple_query_string: { query: 'mimi*', fields: ['*'], lenient: true, default_operator: 'and' } });
    expect(kqlToEs('host.*: web01')).toEqual({ multi_match: { query: 'web01', fields: ['host.*'], lenient: true } });
    expect(kqlToEs('')).toEqual({ match_all: {} });
  });
});
