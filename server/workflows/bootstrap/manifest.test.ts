import { compareVersions } from './semver';
import { canonicalWorkflowHash, canonicalizeWorkflowYaml } from './canonical_hash';
import { PREINSTALLED_WORKFLOWS, readManifest, readShippedWorkflow } from './preinstalled_workflows';

describe('preinstalled workflows manifest', () => {
  const manifest = readManifest();

  it.each(PREINSTALLED_WORKFLOWS.map((e) => [e.file, e] as const))('%s matches its manifest entry (run scripts/update_preinstalled_manifest.ts after editing)', (_file, entry) => {
    const shipped = readShippedWorkflow(entry);
    const expected = manifest[entry.id];
    expect(expected).toBeDefined();
    expect(shipped.sha256).toBe(expected.sha256);
    expect(shipped.version).toBe(expected.version);
    for (const old of expected.history) expect(compareVersions(expected.version, old.version)).toBe(1);
  });
});

describe('canonical hash', () => {
  const yaml = 'version: "1"\nname: x\nenabled: true\nsteps: []\n';

  it('ignores line endings, trailing spaces and the enabled flag', () => {
    const variant = 'version: "1"  \r\nname: x\r\nenabled: false\r\nsteps: []\r\n\r\n';
    expect(canonicalWorkflowHash(variant)).toBe(canonicalWorkflowHash(yaml));
    expect(canonicalizeWorkflowYaml(variant)).toContain('enabled: <canon>');
  });

  it('changes with any other edit, including nested enabled keys', () => {
    expect(canonicalWorkflowHash(yaml.replace('name: x', 'name: y'))).not.toBe(canonicalWorkflowHash(yaml));
    const nested = 'steps:\n  - enabled: true\n';
    expect(canonicalizeWorkflowYaml(nested)).toContain('  - enabled: true');
  });
});

describe('compareVersions', () => {
  it('compares numerically per part', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBe(-1);
  });
});
