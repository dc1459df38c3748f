import { z } from 'zod/v4';
import type { IRouter } from '../http';
import { readCookie } from '../http';
import type { SpacesServiceStart } from '../spaces';
import { SESSION_COOKIE } from './authenticator';
import { hasAnyPrivilege } from './privileges';
import type { SecurityService } from './security_service';

const loginBody = z.object({ username: z.string().min(1), password: z.string().min(1) });

/** Login/logout/me as the browser shell uses them, and the spaces a user may enter. */
export function registerSecurityRoutes(router: IRouter, security: SecurityService, spaces: SpacesServiceStart): void {
  router.post(
    { path: '/internal/security/login', validate: { body: loginBody }, options: { authRequired: false, access: 'internal' } },
    async (_context, request, response) => {
      const result = await security.login(request.body.username, request.body.password);
      if (!result) return response.unauthorized({ body: 'Invalid username or password' });
      return response.ok({ body: result.user, headers: { 'set-cookie': result.setCookie } });
    }
  );

  router.post(
    { path: '/internal/security/logout', validate: false, options: { authRequired: 'optional', access: 'internal' } },
    async (_context, request, response) => {
      const clear = security.logout(readCookie(request.headers.cookie, SESSION_COOKIE));
      return response.ok({ body: { loggedOut: true }, headers: { 'set-cookie': clear } });
    }
  );

  router.get(
    { path: '/api/security/logout', validate: false, options: { authRequired: 'optional', access: 'public' } },
    async (_context, request, response) => {
      const clear = security.logout(readCookie(request.headers.cookie, SESSION_COOKIE));
      return response.redirected({ headers: { location: '/login?msg=LOGGED_OUT', 'set-cookie': clear } });
    }
  );

  router.get({ path: '/internal/security/me', validate: false, options: { access: 'internal' } }, async (context, request, response) => {
    const core = await context.core;
    const user = core.security.authc.getCurrentUser();
    if (!user) return response.unauthorized();
    const spaceId = core.spaces.getSpaceId();
    const privileges = security.getPrivileges(user, spaceId);
    return response.ok({
      body: {
        ...user,
        privileges: { spaceId, superuser: privileges.superuser, features: privileges.features, api: [...privileges.api].sort() },
      },
    });
  });

  router.get({ path: '/api/spaces/space', validate: false, options: { access: 'public' } }, async (context, _request, response) => {
    const user = (await context.core).security.authc.getCurrentUser();
    if (!user) return response.unauthorized();
    return response.ok({ body: spaces.getAll().filter((s) => hasAnyPrivilege(security.getPrivileges(user, s.id))) });
  });

  router.get(
    { path: '/api/spaces/space/{id}', validate: { params: z.object({ id: z.string() }) }, options: { access: 'public' } },
    async (context, request, response) => {
      const user = (await context.core).security.authc.getCurrentUser();
      const space = spaces.get(request.params.id);
      if (!user || !space || !hasAnyPrivilege(security.getPrivileges(user, space.id))) {
        return response.notFound({ body: `Saved object [space/${request.params.id}] not found` });
      }
      return response.ok({ body: space });
    }
  );
}
