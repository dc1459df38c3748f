import { applyEditorAction, buildEditorRows, editorStats, flattenContextData, isLoosening } from './editor_model';

const policy = [
  { field: 'host.name', allowed: true, anonymized: true },
  { field: 'user.name', allowed: true, anonymized: true },
  { field: 'process.name', allowed: true, anonymized: false },
  { field: 'source.ip', allowed: false, anonymized: false },
];
const doc = flattenContextData({ host: { name: 'a' }, user: { name: 'bob' }, process: { name: 'cmd.exe' }, source: { ip: '10.0.0.1' }, 'event.code': '4624' });

describe('per-context anonymization editor model', () => {
  it('counts allowed, anonymized and available fields and marks fields outside the policy', () => {
    const rows = buildEditorRows(doc, policy, [], 3);
    expect(editorStats(rows)).toEqual({ allowed: 3, anonymized: 2, available: 5 });
    expect(rows.find((r) => r.field === 'event.code')).toMatchObject({ inPolicy: false, allowed: false });
    // AN-4: "a" is too short to be scrubbed from free text, so the editor warns.
    expect(rows.find((r) => r.field === 'host.name')?.shortValueWarning).toBe(true);
    expect(rows.find((r) => r.field === 'user.name')?.shortValueWarning).toBe(false);
  });

  it('applies tightening without the privilege and counts follow the overrides', () => {
    const rows = buildEditorRows(doc, policy, [], 3);
    const deny = applyEditorAction(policy, [], rows.filter((r) => r.field === 'process.name'), 'deny', false);
    expect(deny).toEqual({ overrides: [{ field: 'process.name', allowed: false, anonymized: false }], blocked: [] });
    expect(editorStats(buildEditorRows(doc, policy, deny.overrides, 3))).toEqual({ allowed: 2, anonymized: 2, available: 5 });
  });

  it('blocks loosening without Customize·anonymization and allows it with it', () => {
    const rows = buildEditorRows(doc, policy, [], 3);
    const hostRow = rows.filter((r) => r.field === 'host.name');
    expect(isLoosening(policy, hostRow[0], 'unanonymize')).toBe(true);
    expect(applyEditorAction(policy, [], hostRow, 'unanonymize', false)).toEqual({ overrides: [], blocked: ['host.name'] });
    const allowed = applyEditorAction(policy, [], rows.filter((r) => r.field === 'source.ip' || r.field === 'event.code'), 'allow', true);
    expect(allowed.overrides).toEqual([
      { field: 'event.code', allowed: true, anonymized: false },
      { field: 'source.ip', allowed: true, anonymized: false },
    ]);
    expect(editorStats(buildEditorRows(doc, policy, allowed.overrides, 3))).toEqual({ allowed: 5, anonymized: 2, available: 5 });
  });

  it('drops an override that returns to the policy (reset per field)', () => {
    const rows = buildEditorRows(doc, policy, [{ field: 'process.name', allowed: false, anonymized: false }], 3);
    const back = applyEditorAction(policy, [{ field: 'process.name', allowed: false, anonymized: false }], rows.filter((r) => r.field === 'process.name'), 'allow', true);
    expect(back.overrides).toEqual([]);
  });
});
