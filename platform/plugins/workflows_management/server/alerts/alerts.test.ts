import { buildAlertRunEvent, expandDottedKeys, getString, isAlertsIndexOfSpace, isPreparedAlertEvent, toAlertSummary } from '.';

describe('expandDottedKeys', () => {
  it('nests dotted keys and merges them with nested objects, inside arrays too', () => {
    expect(
      expandDottedKeys({
        '@timestamp': '2024-05-01T00:00:00Z',
        'kibana.alert.rule.name': 'Encoded PowerShell',
        kibana: { alert: { uuid: 'u1', 'rule.uuid': 'r1' } },
        'threat.technique': [{ 'subtechnique.id': 'T1059.001' }],
      }),
    ).toEqual({
      '@timestamp': '2024-05-01T00:00:00Z',
      kibana: { alert: { uuid: 'u1', rule: { name: 'Encoded PowerShell', uuid: 'r1' } } },
      threat: { technique: [{ subtechnique: { id: 'T1059.001' } }] },
    });
  });

  it('does not mutate its input', () => {
    const source = { 'a.b': 1, a: { c: 2 } };
    expandDottedKeys(source);
    expect(source).toEqual({ 'a.b': 1, a: { c: 2 } });
  });
});

describe('getString', () => {
  it('reads dotted, nested and mixed paths and the first array element', () => {
    const src = { 'kibana.alert': { 'rule.name': 'R' }, host: { name: ['h1', 'h2'] }, 'user.name': 'root' };
    expect(getString(src, 'kibana.alert.rule.name')).toBe('R');
    expect(getString(src, 'host.name')).toBe('h1');
    expect(getString(src, 'user.name')).toBe('root');
    expect(getString(src, 'process.name')).toBeUndefined();
  });
});

describe('buildAlertRunEvent', () => {
  const alert = (id: string, ruleUuid: string) => ({
    _id: id,
    _index: '.internal.alerts-security.alerts-default-000001',
    source: expandDottedKeys({
      'kibana.alert.rule.uuid': ruleUuid,
      'kibana.alert.rule.name': `Rule ${ruleUuid}`,
      'kibana.alert.rule.tags': ['Windows'],
      'kibana.alert.rule.consumer': 'siem',
      'kibana.alert.rule.producer': 'siem',
      'kibana.alert.rule.rule_type_id': 'siem.queryRule',
      'host.name': 'web01',
    }),
  });

  it('puts _id and _index on each alert and builds rule from the first', () => {
    const { event, ruleIds } = buildAlertRunEvent([alert('a1', 'r1'), alert('a2', 'r2')], 'team-a');
    expect(event.rule).toEqual({ id: 'r1', name: 'Rule r1', tags: ['Windows'], consumer: 'siem', producer: 'siem', ruleTypeId: 'siem.queryRule' });
    expect(event.spaceId).toBe('team-a');
    expect(event.alerts[1]).toMatchObject({ _id: 'a2', _index: '.internal.alerts-security.alerts-default-000001', host: { name: 'web01' } });
    expect(ruleIds).toEqual(['r1', 'r2']);
    expect(isPreparedAlertEvent(event)).toBe(true);
    expect(isPreparedAlertEvent({ triggerType: 'alert', alertIds: [] })).toBe(false);
  });

  it('refuses an empty list', () => {
    expect(() => buildAlertRunEvent([], 'default')).toThrow('at least one alert');
  });
});

describe('isAlertsIndexOfSpace', () => {
  it('accepts the space alias and backing indices only', () => {
    expect(isAlertsIndexOfSpace('.alerts-security.alerts-default', 'default')).toBe(true);
    expect(isAlertsIndexOfSpace('.internal.alerts-security.alerts-team-a-000001', 'team-a')).toBe(true);
    expect(isAlertsIndexOfSpace('.internal.alerts-security.alerts-default-000001', 'team-a')).toBe(false);
    expect(isAlertsIndexOfSpace('.workflows-workflows', 'default')).toBe(false);
  });
});

describe('toAlertSummary', () => {
  it('maps the picker columns from a mixed source', () => {
    expect(
      toAlertSummary({
        _id: 'x',
        _index: 'i',
        _source: { '@timestamp': 't', kibana: { alert: { rule: { name: 'R' } } }, 'kibana.alert.severity': 'high', 'kibana.alert.workflow_status': 'open', 'kibana.alert.reason': 'why', 'user.name': 'bob' },
      }),
    ).toEqual({ _id: 'x', _index: 'i', '@timestamp': 't', ruleName: 'R', severity: 'high', status: 'open', reason: 'why', userName: 'bob' });
  });
});
