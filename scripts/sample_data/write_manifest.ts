import fs from 'node:fs';
import path from 'node:path';
import type { GroundTruthManifest } from './manifest';

/** Writes the ground-truth manifest as JSON (creating the directory). Returns the path written. */
export function writeManifest(filePath: string, manifest: GroundTruthManifest): string {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, `${JSON.stringify(manifest, null, 2)}\n`);
  return filePath;
}
