import { canonicalWorkflowHash } from './canonical_hash';
import { decide } from './decide';
import type { ShippedWorkflow } from './preinstalled_workflows';

const yamlOf = (version: string, extra = '') => `version: "1"\nname: w\nenabled: true\nconsts:\n  workflow_version: "${version}"\n${extra}steps: []\n`;
const shippedYaml = yamlOf('1.2.0');
const shipped: ShippedWorkflow = { id: 'w', file: 'w.yml', yaml: shippedYaml, sha256: canonicalWorkflowHash(shippedYaml), version: '1.2.0' };
const manifest = {
  version: '1.2.0',
  sha256: shipped.sha256,
  history: [
    { version: '1.0.0', sha256: canonicalWorkflowHash(yamlOf('1.0.0')) },
    { version: '1.1.0', sha256: canonicalWorkflowHash(yamlOf('1.1.0')) },
  ],
};

describe('decide (triage-steps §7)', () => {
  it('installs when nothing has the id', () => {
    expect(decide(undefined, shipped, manifest)).toEqual({ action: 'install' });
  });

  it('respects a deletion by the user', () => {
    expect(decide({ yaml: shippedYaml, deleted: true }, shipped, manifest)).toEqual({ action: 'skip', reason: 'deleted_by_user' });
  });

  it('skips an up-to-date copy, also when the user only toggled enabled', () => {
    expect(decide({ yaml: shippedYaml.replace('enabled: true', 'enabled: false'), deleted: false }, shipped, manifest)).toEqual({ action: 'skip', reason: 'up_to_date' });
  });

  it('updates an unmodified older copy and names its version', () => {
    expect(decide({ yaml: yamlOf('1.1.0'), deleted: false }, shipped, manifest)).toEqual({ action: 'update', fromVersion: '1.1.0' });
    expect(decide({ yaml: yamlOf('1.0.0').replace(/\n/g, '\r\n'), deleted: false }, shipped, manifest)).toEqual({ action: 'update', fromVersion: '1.0.0' });
  });

  it('never overwrites a user edit, even of an older version', () => {
    expect(decide({ yaml: yamlOf('1.0.0', '# my change\n'), deleted: false }, shipped, manifest)).toEqual({ action: 'skip', reason: 'user_modified' });
  });

  it('leaves a newer installed version alone', () => {
    expect(decide({ yaml: yamlOf('2.0.0'), deleted: false }, shipped, manifest)).toEqual({ action: 'skip', reason: 'newer_installed' });
  });
});
