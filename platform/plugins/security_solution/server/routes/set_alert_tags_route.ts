import type { IRouter } from '../../../../core/server';
import { setAlertTagsRequestBody } from '../../common/api';
import { DETECTION_ENGINE_SIGNALS_TAGS_URL, PRIVILEGE_ALL } from '../../common/constants';
import { clientsFor, errorResponse } from './route_context';

/** POST /api/detection_engine/signals/tags { ids, tags: { tags_to_add, tags_to_remove } } */
export function registerSetAlertTagsRoute(router: IRouter): void {
  router.post(
    {
      path: DETECTION_ENGINE_SIGNALS_TAGS_URL,
      validate: { body: setAlertTagsRequestBody },
      security: { authz: { requiredPrivileges: [PRIVILEGE_ALL] } },
      options: { access: 'public', summary: 'Add and remove alert tags' },
    },
    async (context, request, response) => {
      try {
        const { alerts } = await clientsFor(context);
        const { ids, tags } = request.body;
        return response.ok({ body: await alerts.setTags(ids, { add: tags.tags_to_add, remove: tags.tags_to_remove }) });
      } catch (error) {
        return errorResponse(error, response);
      }
    },
  );
}
