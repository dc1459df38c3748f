/**
 * `npx tsx scripts/update_preinstalled_manifest.ts`: records the shipped workflows' canonical hashes in
 * workflows/preinstalled_manifest.json. A changed YAML must carry a higher `consts.workflow_version`; the previous
 * {version, sha256} moves into `history`, which is how the bootstrapper recognises unmodified older copies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareVersions, isValidVersion } from '../server/workflows/bootstrap/semver';
import { MANIFEST_FILE, PREINSTALLED_WORKFLOWS, readShippedWorkflow, WORKFLOWS_DIR, manifestSchema, type PreinstalledManifest } from '../server/workflows/bootstrap/preinstalled_workflows';

function main(): number {
  const file = path.join(WORKFLOWS_DIR, MANIFEST_FILE);
  const manifest: PreinstalledManifest = fs.existsSync(file) ? manifestSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) : {};
  for (const entry of PREINSTALLED_WORKFLOWS) {
    const shipped = readShippedWorkflow(entry);
    if (!isValidVersion(shipped.version)) throw new Error(`${entry.file}: consts.workflow_version must be "x.y.z"`);
    const current = manifest[entry.id];
    if (current?.sha256 === shipped.sha256) {
      console.log(`${entry.file}: unchanged (${current.version})`);
      continue;
    }
    if (current && compareVersions(shipped.version, current.version) <= 0) {
      throw new Error(`${entry.file} changed: bump consts.workflow_version above ${current.version}`);
    }
    manifest[entry.id] = {
      version: shipped.version,
      sha256: shipped.sha256,
      history: current ? [...current.history, { version: current.version, sha256: current.sha256 }] : [],
    };
    console.log(`${entry.file}: ${current ? `${current.version} → ` : ''}${shipped.version}`);
  }
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
