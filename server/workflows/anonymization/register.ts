import type { WorkflowsExecutionEngineSetup } from '../../../platform/plugins/workflows_execution_engine/server';
import type { AssistantConfig } from '../../config';
import type { AssistantServices } from '../../route_dependencies';
import { createSecurityAiRequestGuardFactory } from './security_ai_request_guard';

/**
 * Puts the security guard in front of every workflow AI step request, with the chat's free-text rule (AN-4).
 * Factories only run during executions, after start, so waiting for the assistant's services never blocks setup.
 */
export function registerWorkflowAnonymization(options: {
  engine: Pick<WorkflowsExecutionEngineSetup, 'registerAiRequestGuard'>;
  config: AssistantConfig;
  getServices: () => Promise<AssistantServices>;
}): void {
  const { engine, config, getServices } = options;
  engine.registerAiRequestGuard(
    createSecurityAiRequestGuardFactory({
      getPolicy: async (spaceId) => (await getServices()).dataClients.anonymizationFields.getPolicy(spaceId),
      getEsClient: async () => (await getServices()).core.elasticsearch.client.asInternalUser,
      minFreeTextLength: config.anonymization.minFreeTextLength,
    }),
  );
}
