import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod/v4';
import { parse as parseYaml } from 'yaml';
import { canonicalWorkflowHash } from './canonical_hash';

/** The workflows we ship, each with a fixed id so every space and every restart converges on one copy. */
export const PREINSTALLED_WORKFLOWS = [{ id: 'workflow-3cf6d7f4-864f-4722-834d-ae1743f445ea', file: 'security.alert.validation.yml' }] as const;

export const WORKFLOWS_DIR = path.resolve(__dirname, '..', '..', '..', 'workflows');
export const MANIFEST_FILE = 'preinstalled_manifest.json';

const versionEntry = z.object({ version: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const manifestSchema = z.record(z.string(), versionEntry.extend({ history: z.array(versionEntry) }));
export type PreinstalledManifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = PreinstalledManifest[string];

export function readManifest(dir = WORKFLOWS_DIR): PreinstalledManifest {
  return manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')));
}

export interface ShippedWorkflow {
  id: string;
  file: string;
  yaml: string;
  sha256: string;
  /** `consts.workflow_version` of the YAML. */
  version: string | undefined;
}

/** The `consts.workflow_version` of a YAML, or undefined when it is absent or the YAML does not parse. */
export function workflowVersionOf(yaml: string): string | undefined {
  try {
    const doc: unknown = parseYaml(yaml);
    const version = (doc as { consts?: { workflow_version?: unknown } } | null)?.consts?.workflow_version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

export function readShippedWorkflow(entry: { id: string; file: string }, dir = WORKFLOWS_DIR): ShippedWorkflow {
  const file = path.join(dir, entry.file);
  let yaml: string;
  try {
    yaml = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`failed to read workflow file ${path.join('workflows', entry.file)} at ${file}: ${(error as Error).message}`);
  }
  return { ...entry, yaml, sha256: canonicalWorkflowHash(yaml), version: workflowVersionOf(yaml) };
}
