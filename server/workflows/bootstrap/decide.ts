import type { ManifestEntry, ShippedWorkflow } from './preinstalled_workflows';
import { compareVersions, isValidVersion } from './semver';
import { canonicalWorkflowHash } from './canonical_hash';
import { workflowVersionOf } from './preinstalled_workflows';

/** The stored copy, as far as the decision needs it. */
export interface InstalledWorkflow {
  yaml: string;
  deleted: boolean;
}

export type BootstrapDecision =
  | { action: 'install' }
  | { action: 'update'; fromVersion: string }
  | { action: 'skip'; reason: 'deleted_by_user' | 'up_to_date' | 'newer_installed' | 'user_modified' };

/**
 * What to do with one preinstalled workflow in one space (triage-steps §7 decision table, pure). Only a copy whose hash
 * we shipped before is ever replaced, so a user's edit is never overwritten and a deletion is respected.
 */
export function decide(installed: InstalledWorkflow | undefined, shipped: ShippedWorkflow, manifest: ManifestEntry): BootstrapDecision {
  if (!installed) return { action: 'install' };
  if (installed.deleted) return { action: 'skip', reason: 'deleted_by_user' };
  const hash = canonicalWorkflowHash(installed.yaml);
  if (hash === shipped.sha256) return { action: 'skip', reason: 'up_to_date' };
  const older = manifest.history.find((entry) => entry.sha256 === hash);
  if (older) return { action: 'update', fromVersion: older.version };
  const installedVersion = workflowVersionOf(installed.yaml);
  if (isValidVersion(installedVersion) && shipped.version && compareVersions(installedVersion, shipped.version) > 0) {
    return { action: 'skip', reason: 'newer_installed' };
  }
  return { action: 'skip', reason: 'user_modified' };
}
