import { createFieldPolicy, findLooseningOverrides, flattenDocument } from './index';

describe('field policy (§5.1)', () => {
  const rules = [
    { field: 'host.name', allowed: true, anonymized: true },
    { field: 'message', allowed: true, anonymized: false },
    { field: 'source.ip', allowed: false, anonymized: false },
  ];

  it('classifies anonymized, allowed, denied and unlisted fields', () => {
    const p = createFieldPolicy(rules);
    expect(['host.name', 'message', 'source.ip', 'other'].map((f) => p.disposition(f))).toEqual([
      'anonymized',
      'allowed',
      'denied',
      'unlisted',
    ]);
  });

  it('applies message overrides on top, and anonymized only counts when allowed', () => {
    const p = createFieldPolicy(rules, [
      { field: 'message', allowed: true, anonymized: true },
      { field: 'host.name', allowed: false, anonymized: true },
    ]);
    expect(p.disposition('message')).toBe('anonymized');
    expect(p.disposition('host.name')).toBe('denied');
  });

  it('finds overrides that loosen the policy (AN-T6) and ignores tightening ones', () => {
    const loosening = findLooseningOverrides(rules, [
      { field: 'host.name', allowed: true, anonymized: false },
      { field: 'source.ip', allowed: true, anonymized: true },
      { field: 'unlisted.field', allowed: true, anonymized: true },
      { field: 'message', allowed: true, anonymized: true },
      { field: 'message', allowed: false, anonymized: false },
    ]);
    expect(loosening.map((o) => o.field)).toEqual(['host.name', 'source.ip', 'unlisted.field']);
  });
});

describe('flattenDocument', () => {
  it('gives the same paths for nested and dotted keys and collects arrays', () => {
    expect(
      flattenDocument({
        host: { name: 'web01', ip: ['10.0.0.1', '10.0.0.2'] },
        'user.name': 'bob',
        process: { pid: 42, args: ['-c', 'x'], parent: null },
        threat: [{ tactic: { id: 'TA1' } }, { tactic: { id: 'TA2' } }],
        flag: false,
      }),
    ).toEqual({
      'host.name': ['web01'],
      'host.ip': ['10.0.0.1', '10.0.0.2'],
      'user.name': ['bob'],
      'process.pid': ['42'],
      'process.args': ['-c', 'x'],
      'threat.tactic.id': ['TA1', 'TA2'],
      flag: ['false'],
    });
  });
});
