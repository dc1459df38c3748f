import { BALANCED_FIELD_RULES, STRICT_FIELD_RULES, expandBraces, getDefaultFieldRules } from './index';

describe('default field rules (§5.2)', () => {
  it('expands nested braces', () => {
    expect(expandBraces('a.{b, c.{d,e}}.f')).toEqual(['a.b.f', 'a.c.d.f', 'a.c.e.f']);
    expect(expandBraces('plain')).toEqual(['plain']);
    expect(() => expandBraces('a.{b')).toThrow('Unbalanced');
  });

  it('Balanced has 103 unique allowed rows, anonymizing exactly host.name, host.ip, user.name, user.target.name', () => {
    expect(BALANCED_FIELD_RULES).toHaveLength(103);
    expect(new Set(BALANCED_FIELD_RULES.map((r) => r.field)).size).toBe(103);
    expect(BALANCED_FIELD_RULES.every((r) => r.allowed)).toBe(true);
    expect(BALANCED_FIELD_RULES.filter((r) => r.anonymized).map((r) => r.field)).toEqual([
      'host.name',
      'host.ip',
      'user.name',
      'user.target.name',
    ]);
    const fields = BALANCED_FIELD_RULES.map((r) => r.field);
    for (const f of [
      'kibana.alert.rule.threat.technique.subtechnique.reference',
      'threat.tactic.id',
      'process.Ext.memory_region.malware_signature.primary.signature.name',
      'Ransomware.files.score',
      'process.parent.code_signature.trusted',
      'file.Ext.original.path',
    ]) {
      expect(fields).toContain(f);
    }
  });

  it('Strict anonymizes ids, cloud, IPs, file names/paths and user.domain on top', () => {
    const anonymized = STRICT_FIELD_RULES.filter((r) => r.anonymized).map((r) => r.field).sort();
    expect(anonymized).toEqual(
      [
        '_id', 'cloud.availability_zone', 'cloud.provider', 'cloud.region', 'destination.ip', 'file.Ext.original.path',
        'file.name', 'file.path', 'host.ip', 'host.name', 'source.ip', 'user.domain', 'user.name', 'user.target.name',
      ].sort(),
    );
    expect(STRICT_FIELD_RULES).toHaveLength(103);
  });

  it('returns fresh copies', () => {
    const rows = getDefaultFieldRules();
    rows[0].allowed = false;
    expect(BALANCED_FIELD_RULES[0].allowed).toBe(true);
    expect(getDefaultFieldRules('strict').find((r) => r.field === '_id')?.anonymized).toBe(true);
  });
});
