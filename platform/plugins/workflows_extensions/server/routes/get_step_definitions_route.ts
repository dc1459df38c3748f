import type { IRouter } from '../../../../core/server';
import { STEP_DEFINITIONS_APPROVAL_ROUTE, type StepDefinitionsApprovalResponse } from '../../common';
import type { ServerStepDefinition, StepDefinitionRegistry } from '../../common';
import { computeHandlerHash } from '../handler_hash';

/**
 * GET /internal/workflows_extensions/step_definitions: plugin-registered steps with the hash of their handler, for
 * the CI approval fixture. The host's built-ins are not listed: they ship with the host.
 */
export function registerGetStepDefinitionsRoute(router: IRouter, registry: StepDefinitionRegistry<ServerStepDefinition>): void {
  router.get(
    {
      path: STEP_DEFINITIONS_APPROVAL_ROUTE,
      validate: false,
      security: { authz: { enabled: false, reason: 'Lists step ids and handler hashes only; no space or user data.' } },
      options: { access: 'internal', summary: 'Registered workflow step definitions and their handler hashes' },
    },
    async (_context, _request, response) => {
      await registry.isReady();
      const body: StepDefinitionsApprovalResponse = {
        steps: registry
          .getAll()
          .filter((definition) => !registry.isBuiltin(definition.id))
          .map((definition) => ({ id: definition.id, handlerHash: computeHandlerHash(definition.handler) })),
      };
      return response.ok({ body });
    },
  );
}
