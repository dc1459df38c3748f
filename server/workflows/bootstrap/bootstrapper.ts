import { createFakeKibanaRequest, type Logger } from '../../../platform/core/server';
import type { WorkflowDetail, WorkflowsManagementApi } from '../../../platform/plugins/workflows_management/server/contract';
import { decide, type BootstrapDecision } from './decide';
import { PREINSTALLED_WORKFLOWS, readManifest, readShippedWorkflow, WORKFLOWS_DIR, type PreinstalledManifest, type ShippedWorkflow } from './preinstalled_workflows';

export type BootstrapOutcome = 'installed' | 'updated' | 'skipped' | 'error';

export interface BootstrapEntryResult {
  id: string;
  space_id: string;
  outcome: BootstrapOutcome;
  reason?: string;
  from_version?: string;
  to_version?: string;
  error?: string;
}

export interface BootstrapResult {
  installed: number;
  updated: number;
  skipped: number;
  errors: number;
  results: BootstrapEntryResult[];
}

export interface BootstrapperOptions {
  management: WorkflowsManagementApi;
  logger: Logger;
  /** Where the YAML files and the manifest live (tests point it at a temp dir). */
  workflowsDir?: string;
  entries?: ReadonlyArray<{ id: string; file: string }>;
}

const statusOf = (error: unknown): number | undefined => {
  const e = error as { statusCode?: unknown; status?: unknown; output?: { statusCode?: unknown } };
  const code = e?.statusCode ?? e?.status ?? e?.output?.statusCode;
  return typeof code === 'number' ? code : undefined;
};
const isConflict = (error: unknown) => statusOf(error) === 409 || /already exists|conflict/i.test((error as Error)?.message ?? '');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const summarize = (results: BootstrapEntryResult[]): BootstrapResult => ({
  installed: results.filter((r) => r.outcome === 'installed').length,
  updated: results.filter((r) => r.outcome === 'updated').length,
  skipped: results.filter((r) => r.outcome === 'skipped').length,
  errors: results.filter((r) => r.outcome === 'error').length,
  results,
});

/**
 * Installs and upgrades the preinstalled workflows per space (triage-steps §7). Every (space, workflow) pair gets
 * exactly one outcome; nothing throws. Runs for the same space share one in-flight promise, and the fixed ids plus
 * revision-conditional updates make concurrent processes converge.
 */
export class PreinstalledWorkflowsBootstrapper {
  private readonly inFlight = new Map<string, Promise<BootstrapResult>>();

  constructor(private readonly options: BootstrapperOptions) {}

  bootstrapSpace(spaceId: string): Promise<BootstrapResult> {
    const running = this.inFlight.get(spaceId);
    if (running) return running;
    const run = this.run(spaceId).finally(() => this.inFlight.delete(spaceId));
    this.inFlight.set(spaceId, run);
    return run;
  }

  private async run(spaceId: string): Promise<BootstrapResult> {
    const dir = this.options.workflowsDir ?? WORKFLOWS_DIR;
    const entries = this.options.entries ?? PREINSTALLED_WORKFLOWS;
    let manifest: PreinstalledManifest | undefined;
    let manifestError: string | undefined;
    try {
      manifest = readManifest(dir);
    } catch (error) {
      manifestError = `failed to read the preinstalled workflows manifest: ${messageOf(error)}`;
    }
    const results: BootstrapEntryResult[] = [];
    for (const entry of entries) {
      const base = { id: entry.id, space_id: spaceId };
      if (!manifest) {
        results.push({ ...base, outcome: 'error', error: manifestError });
        continue;
      }
      results.push(await this.bootstrapEntry(spaceId, entry, dir, manifest).catch((error: unknown) => ({ ...base, outcome: 'error' as const, error: messageOf(error) })));
    }
    return summarize(results);
  }

  private async bootstrapEntry(spaceId: string, entry: { id: string; file: string }, dir: string, manifest: PreinstalledManifest): Promise<BootstrapEntryResult> {
    const base = { id: entry.id, space_id: spaceId };
    let shipped: ShippedWorkflow;
    try {
      shipped = readShippedWorkflow(entry, dir);
    } catch (error) {
      return { ...base, outcome: 'error', error: messageOf(error) };
    }
    const expected = manifest[entry.id];
    if (!expected || expected.sha256 !== shipped.sha256) return { ...base, outcome: 'error', reason: 'manifest_mismatch' };

    const { management } = this.options;
    const request = createFakeKibanaRequest({ spaceId, path: '/', headers: { 'kbn-system-request': 'true' } });
    let installed = await management.getWorkflow(entry.id, spaceId, { includeDeleted: true });
    if (!installed) {
      try {
        return this.afterWrite(base, await management.createWorkflow({ id: entry.id, yaml: shipped.yaml }, spaceId, request), { outcome: 'installed' });
      } catch (error) {
        if (!isConflict(error)) throw error;
        // Another process installed it between our read and our create: decide again on what it wrote.
        installed = await management.getWorkflow(entry.id, spaceId, { includeDeleted: true });
        if (!installed) throw error;
      }
    }
    const decision: BootstrapDecision = decide({ yaml: installed.yaml, deleted: Boolean(installed.deletedAt) }, shipped, expected);
    switch (decision.action) {
      case 'install':
        throw new Error('unreachable: the workflow exists');
      case 'skip':
        if (decision.reason === 'user_modified') {
          this.options.logger.info(`Workflow ${entry.id} in space ${spaceId} was edited; version ${shipped.version ?? expected.version} is available`);
        }
        return { ...base, outcome: 'skipped', reason: decision.reason };
      case 'update':
        try {
          const updated = await management.updateWorkflow(
            entry.id,
            { yaml: shipped.yaml, enabled: installed.enabled, revision: installed.revision },
            spaceId,
            request,
          );
          return this.afterWrite(base, updated, { outcome: 'updated', from_version: decision.fromVersion, to_version: expected.version });
        } catch (error) {
          if (isConflict(error)) return { ...base, outcome: 'skipped', reason: 'concurrent_update' };
          throw error;
        }
    }
  }

  private afterWrite(base: { id: string; space_id: string }, written: WorkflowDetail, success: Omit<BootstrapEntryResult, 'id' | 'space_id'>): BootstrapEntryResult {
    if (!written.valid) {
      const first = written.validationErrors?.[0];
      return { ...base, outcome: 'error', reason: 'invalid_yaml', error: first ? `${first.message} (line ${first.line})` : 'the workflow is invalid' };
    }
    return { ...base, ...success };
  }
}
