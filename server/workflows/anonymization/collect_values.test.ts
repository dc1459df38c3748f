import { getDefaultFieldRules } from '../../../common/anonymization';
import { collectSensitiveValues, policyProtectsAnything } from './collect_values';

const rules = [
  { field: 'host.name', allowed: true, anonymized: true },
  { field: 'user.name', allowed: true, anonymized: true },
  { field: 'host.ip', allowed: true, anonymized: true },
  { field: 'user.email', allowed: false, anonymized: false },
  { field: 'process.name', allowed: true, anonymized: false },
];

describe('collectSensitiveValues', () => {
  it('reads nested and flat dotted forms and arrays, once per value, in first-seen order', () => {
    const values = collectSensitiveValues(
      [
        { _id: 'a1', host: { name: 'fin-laptop-07', ip: ['10.1.2.3', '10.1.2.4'] }, user: { name: 'mrossi' }, process: { name: 'powershell.exe' } },
        { _id: 'a2', 'host.name': 'fin-laptop-07', 'user.name': ['jdoe', 'mrossi'], 'user.email': 'jdoe@corp.example', other: 'x' },
        { host: [{ name: 'db-01' }, { name: 'db-02' }] },
      ],
      rules,
    );
    expect(values).toEqual({
      anonymized: [
        { value: 'fin-laptop-07', field: 'host.name' },
        { value: '10.1.2.3', field: 'host.ip' },
        { value: '10.1.2.4', field: 'host.ip' },
        { value: 'mrossi', field: 'user.name' },
        { value: 'jdoe', field: 'user.name' },
        { value: 'db-01', field: 'host.name' },
        { value: 'db-02', field: 'host.name' },
      ],
      denied: ['jdoe@corp.example'],
    });
  });

  it('a value also seen in a denied field is only denied; allowed and unlisted fields give nothing', () => {
    const values = collectSensitiveValues([{ user: { name: 'shared-value', email: 'shared-value' }, process: { name: 'cmd.exe' }, foo: 'bar-01' }], rules);
    expect(values).toEqual({ anonymized: [], denied: ['shared-value'] });
  });

  it('uses the shipped defaults as given (host.name, host.ip, user.name, user.target.name anonymized)', () => {
    const values = collectSensitiveValues(
      [{ host: { name: 'h-1', ip: '192.0.2.7' }, user: { name: 'u-1', target: { name: 't-1' } }, source: { ip: '198.51.100.1' } }],
      getDefaultFieldRules(),
    );
    expect(values.anonymized.map((v) => v.field).sort()).toEqual(['host.ip', 'host.name', 'user.name', 'user.target.name']);
  });
});

describe('policyProtectsAnything', () => {
  it('is true when a field is anonymized or denied', () => {
    expect(policyProtectsAnything(getDefaultFieldRules())).toBe(true);
    expect(policyProtectsAnything([{ field: 'a', allowed: false, anonymized: false }])).toBe(true);
    expect(policyProtectsAnything([{ field: 'a', allowed: true, anonymized: false }])).toBe(false);
    expect(policyProtectsAnything([])).toBe(false);
  });
});
