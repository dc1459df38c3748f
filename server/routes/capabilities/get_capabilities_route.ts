import type { AssistantCapabilities } from '../../../common/api/capabilities';
import { ASSISTANT_PRIVILEGES, CONNECTORS_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { defineAssistantRoute } from '../route_helpers';

/** M1 `GET /current_user/capabilities`: privilege booleans (§9) and the KB mode, for any authenticated user. */
export function registerGetCapabilitiesRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.capabilities,
    privileges: 'authenticated',
    summary: "The current user's assistant capabilities",
    handler: async ({ services, user, spaceId, scope }, _input, response) => {
      const missing = (tags: string[]) => services.core.security.authz.checkPrivileges(user, spaceId, tags);
      const needs: Record<keyof AssistantCapabilities['privileges'], string[]> = {
        read: [ASSISTANT_PRIVILEGES.read],
        all: [ASSISTANT_PRIVILEGES.all],
        updateAnonymization: [ASSISTANT_PRIVILEGES.all, ASSISTANT_PRIVILEGES.updateAnonymization],
        manageGlobalKnowledgeBase: [ASSISTANT_PRIVILEGES.all, ASSISTANT_PRIVILEGES.manageGlobalKnowledgeBase],
        connectorsRead: [CONNECTORS_PRIVILEGES.read],
        connectorsAll: [CONNECTORS_PRIVILEGES.all],
      };
      const missingPrivileges: Record<string, string[]> = {};
      const privileges = {} as AssistantCapabilities['privileges'];
      for (const [key, tags] of Object.entries(needs) as Array<[keyof AssistantCapabilities['privileges'], string[]]>) {
        missingPrivileges[key] = missing(tags);
        privileges[key] = missingPrivileges[key].length === 0;
      }
      let knowledgeBase: AssistantCapabilities['knowledgeBase'] = { mode: 'lexical' };
      if (privileges.read) {
        const status = await services.dataClients.knowledgeBase.getStatus(scope);
        knowledgeBase = { mode: status.mode, ...(status.degraded_reason ? { degraded_reason: status.degraded_reason } : {}) };
      }
      const body: AssistantCapabilities = { privileges, missingPrivileges, knowledgeBase };
      return response.ok({ body });
    },
  });
}
