import type { KbIndicesResponse } from '../../../common/api/knowledge_base';
import { ASSISTANT_PRIVILEGES } from '../../../common/api/privileges';
import { API_ROUTES } from '../../../common/api/routes';
import type { RouteDependencies } from '../../route_dependencies';
import { textFieldsFromMappings } from '../../storage/knowledge_base/index_fields';
import { defineAssistantRoute } from '../route_helpers';

/** K9 `GET /knowledge_base/_indices`: indices the user can read with `text`/`semantic_text` fields (user-scoped `_mapping`). */
export function registerGetKbIndicesRoute(deps: RouteDependencies): void {
  defineAssistantRoute(deps, {
    method: 'get',
    path: API_ROUTES.kbIndices,
    privileges: [ASSISTANT_PRIVILEGES.all],
    summary: 'Indices usable as knowledge base index entries',
    handler: async ({ core }, _input, response) => {
      const mappings = await core.elasticsearch.client.asCurrentUser.indices.getMapping({ index: '*', allow_no_indices: true, ignore_unavailable: true });
      const body: KbIndicesResponse = { indices: textFieldsFromMappings(mappings as Record<string, { mappings?: { properties?: Record<string, unknown> } }>) };
      return response.ok({ body });
    },
  });
}
