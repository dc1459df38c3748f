/**
 * The bootstrapper against the real workflows management plugin (embedded engine): install, up to date, upgrade of an
 * unmodified older copy keeping `enabled`, a user's edit never overwritten, a deletion respected, concurrent
 * bootstrappers converging on one copy, and an invalid shipped file reported. Uses a temp workflows dir with small
 * workflows so each row of the decision table is set up exactly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestPlatform, type TestPlatform } from '../../../test/helpers';
import type { WorkflowsManagementApi } from '../../../platform/plugins/workflows_management/server/contract';
import { createFakeKibanaRequest } from '../../../platform/core/server';
import { PreinstalledWorkflowsBootstrapper } from './bootstrapper';
import { canonicalWorkflowHash } from './canonical_hash';

jest.setTimeout(120_000);

const yamlOf = (version: string, body = 'hello') => `version: "1"
name: Preinstalled demo
enabled: true
triggers:
  - type: manual
consts:
  workflow_version: "${version}"
steps:
  - name: greet
    type: data.set
    with:
      message: "${body}"
`;

let t: TestPlatform;
let management: WorkflowsManagementApi;
let dir: string;
const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn(), get: () => logger } as never;
const request = createFakeKibanaRequest({ spaceId: 'default', path: '/' });

/** Writes the shipped file for `version` and a manifest listing `history` as earlier releases. */
function ship(id: string, version: string, history: string[], body = 'hello') {
  fs.writeFileSync(path.join(dir, `${id}.yml`), yamlOf(version, body));
  const manifestFile = path.join(dir, 'preinstalled_manifest.json');
  const manifest = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : {};
  manifest[id] = {
    version,
    sha256: canonicalWorkflowHash(yamlOf(version, body)),
    history: history.map((v) => ({ version: v, sha256: canonicalWorkflowHash(yamlOf(v)) })),
  };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
}

const bootstrapper = (id: string) => new PreinstalledWorkflowsBootstrapper({ management, logger, workflowsDir: dir, entries: [{ id, file: `${id}.yml` }] });
const outcome = async (id: string, space = 'default') => (await bootstrapper(id).bootstrapSpace(space)).results[0];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preinstalled-'));
  t = await startTestPlatform({ plugins: ['workflowsManagement'], config: { spaces: [{ id: 'team-a', name: 'Team A' }] } });
  management = t.platform.pluginsStart.get('workflowsManagement') as WorkflowsManagementApi;
});

afterAll(async () => {
  await t?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('PreinstalledWorkflowsBootstrapper', () => {
  it('installs into each space under the fixed id, then reports up_to_date on every later start', async () => {
    ship('workflow-install', '1.0.0', []);
    expect(await outcome('workflow-install')).toEqual({ id: 'workflow-install', space_id: 'default', outcome: 'installed' });
    expect(await outcome('workflow-install', 'team-a')).toMatchObject({ outcome: 'installed', space_id: 'team-a' });
    expect(await outcome('workflow-install')).toMatchObject({ outcome: 'skipped', reason: 'up_to_date' });
    const stored = await management.getWorkflow('workflow-install', 'default');
    expect(stored).toMatchObject({ valid: true, enabled: true, name: 'Preinstalled demo' });
  });

  it('upgrades an unmodified older copy and keeps it disabled when the user disabled it', async () => {
    ship('workflow-upgrade', '1.0.0', []);
    await outcome('workflow-upgrade');
    await management.updateWorkflow('workflow-upgrade', { enabled: false }, 'default', request);
    ship('workflow-upgrade', '1.1.0', ['1.0.0'], 'hello v2');
    expect(await outcome('workflow-upgrade')).toMatchObject({ outcome: 'updated', from_version: '1.0.0', to_version: '1.1.0' });
    const stored = await management.getWorkflow('workflow-upgrade', 'default');
    expect(stored?.yaml).toContain('hello v2');
    expect(stored?.enabled).toBe(false);
  });

  it('never overwrites a user edit and says a new version is available', async () => {
    ship('workflow-edited', '1.0.0', []);
    await outcome('workflow-edited');
    await management.updateWorkflow('workflow-edited', { yaml: yamlOf('1.0.0', 'my own text') }, 'default', request);
    ship('workflow-edited', '1.1.0', ['1.0.0'], 'hello v2');
    expect(await outcome('workflow-edited')).toMatchObject({ outcome: 'skipped', reason: 'user_modified' });
    expect((await management.getWorkflow('workflow-edited', 'default'))?.yaml).toContain('my own text');
  });

  it('respects a deletion', async () => {
    ship('workflow-deleted', '1.0.0', []);
    await outcome('workflow-deleted');
    await management.deleteWorkflows(['workflow-deleted'], 'default', request);
    expect(await outcome('workflow-deleted')).toMatchObject({ outcome: 'skipped', reason: 'deleted_by_user' });
    expect(await management.getWorkflow('workflow-deleted', 'default')).toBeUndefined();
  });

  it('converges when several bootstrappers start at once: one installs, the others see it up to date', async () => {
    ship('workflow-race', '1.0.0', []);
    const same = bootstrapper('workflow-race');
    const runs = await Promise.all([same.bootstrapSpace('default'), same.bootstrapSpace('default'), outcome('workflow-race'), outcome('workflow-race')]);
    const outcomes = [runs[0].results[0], runs[2], runs[3]].map((r) => (typeof r === 'object' && 'outcome' in r ? r.outcome : r));
    expect(runs[0]).toBe(runs[1]);
    expect(outcomes.filter((o) => o === 'installed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'skipped')).toHaveLength(2);
    const list = await management.getWorkflows({ query: 'Preinstalled demo', size: 100 }, 'default');
    expect(list.results.filter((w) => w.id === 'workflow-race')).toHaveLength(1);
  });

  it('reports a shipped file that does not match the manifest, and an invalid shipped workflow', async () => {
    ship('workflow-mismatch', '1.0.0', []);
    fs.appendFileSync(path.join(dir, 'workflow-mismatch.yml'), '# edited after release\n');
    expect(await outcome('workflow-mismatch')).toMatchObject({ outcome: 'error', reason: 'manifest_mismatch' });

    const invalid = 'version: "1"\nname: Broken\ntriggers: []\nsteps: []\n';
    fs.writeFileSync(path.join(dir, 'workflow-invalid.yml'), invalid);
    const manifestFile = path.join(dir, 'preinstalled_manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    manifest['workflow-invalid'] = { version: '1.0.0', sha256: canonicalWorkflowHash(invalid), history: [] };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(await outcome('workflow-invalid')).toMatchObject({ outcome: 'error', reason: 'invalid_yaml' });

    expect(await outcome('workflow-missing-file')).toMatchObject({ outcome: 'error' });
  });
});
