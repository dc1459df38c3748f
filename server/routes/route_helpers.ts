import { z } from 'zod/v4';
import type {
  AuthenticatedUser,
  CoreRequestHandlerContext,
  IKibanaResponse,
  KibanaRequest,
  KibanaResponseFactory,
  Logger,
  PrivilegeRequirement,
} from '../../platform/core/server';
import { ActionsError } from '../../platform/plugins/actions/server';
import { ASSISTANT_PRIVILEGES } from '../../common/api/privileges';
import { PUBLIC_API_VERSION } from '../../common/api/routes';
import type { AssistantServices, RouteDependencies } from '../route_dependencies';
import { AssistantStorageError } from '../storage/errors';
import type { OwnerScope } from '../storage/types';

/** What an assistant route handler receives: identity resolved once, services, validated input. */
export interface AssistantRouteContext {
  spaceId: string;
  user: AuthenticatedUser;
  scope: OwnerScope;
  services: AssistantServices;
  core: CoreRequestHandlerContext;
  request: KibanaRequest;
  logger: Logger;
}

export interface AssistantRouteDefinition<P, Q, B> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** Feature privileges checked by the HTTP layer (403 before validation). */
  privileges: PrivilegeRequirement[] | 'authenticated';
  summary: string;
  validate?: { params?: z.ZodType<P>; query?: z.ZodType<Q>; body?: z.ZodType<B> };
  /** Body limit; default 10 MB (assistant.md §3.1: larger bodies get 413). */
  options?: { bodyMaxBytes?: number };
  handler(ctx: AssistantRouteContext, input: { params: P; query: Q; body: B }, response: KibanaResponseFactory): Promise<IKibanaResponse>;
}

const passthrough = z.unknown();
const DEFAULT_BODY_MAX_BYTES = 10 * 1024 * 1024;

/** The `[request body.a[0].b]` prefix core uses, so messages look the same whoever validated. */
const issuePath = (part: string, path: readonly PropertyKey[]) =>
  `request ${part}${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;

/** zod failure → 400 naming the first issue's path, with every issue in `attributes.details`. */
function validationError(part: string, error: z.ZodError, response: KibanaResponseFactory): IKibanaResponse {
  const details = error.issues.map((i) => ({ path: [part, ...i.path.map(String)].join('.'), message: i.message }));
  const first = error.issues[0];
  return response.badRequest({
    body: { message: `[${issuePath(part, first.path)}]: ${first.message}`, attributes: { code: 'validation_failed', details } },
  });
}

/** Caller errors → Kibana-shaped bodies; anything else is rethrown so the HTTP layer logs it and answers 500. */
export function errorResponse(error: unknown, response: KibanaResponseFactory): IKibanaResponse {
  if (error instanceof AssistantStorageError) {
    return response.customError({
      statusCode: error.statusCode,
      body: {
        message: error.message,
        attributes: {
          code: error.code,
          ...(error.extra.missingPrivileges ? { missingPrivileges: error.extra.missingPrivileges } : {}),
          ...(error.extra.details ? { details: error.extra.details } : {}),
        },
      },
    });
  }
  if (error instanceof ActionsError) {
    return response.customError({ statusCode: error.statusCode, body: { message: error.message, attributes: { code: error.code } } });
  }
  const meta = (error as { meta?: { statusCode?: unknown; body?: { error?: { reason?: string; type?: string } } } } | null)?.meta;
  if (typeof meta?.statusCode === 'number' && meta.statusCode >= 400 && meta.statusCode < 500 && meta.statusCode !== 401) {
    return response.customError({
      statusCode: meta.statusCode,
      body: { message: meta.body?.error?.reason ?? (error as Error).message, attributes: { code: meta.body?.error?.type ?? 'elasticsearch_error' } },
    });
  }
  throw error;
}

/**
 * Resolves the caller's owner scope: profile uid when the host has one, else the username; Customize
 * sub-privileges (which require All, §9) are looked up once here and travel in the scope.
 */
export function ownerScopeFor(services: AssistantServices, user: AuthenticatedUser, spaceId: string): OwnerScope {
  const has = (tag: string) => services.core.security.authz.checkPrivileges(user, spaceId, [tag]).length === 0;
  const all = has(ASSISTANT_PRIVILEGES.all);
  const profileUid = (user as AuthenticatedUser & { profile_uid?: unknown }).profile_uid;
  return {
    spaceId,
    user: typeof profileUid === 'string' && profileUid !== '' ? { id: profileUid, name: user.username } : { name: user.username },
    privileges: {
      updateAnonymization: all && has(ASSISTANT_PRIVILEGES.updateAnonymization),
      manageGlobalKnowledgeBase: all && has(ASSISTANT_PRIVILEGES.manageGlobalKnowledgeBase),
    },
  };
}

/**
 * Registers one public, versioned assistant route (`elastic-api-version: 2023-10-31`, optional). Check order
 * (assistant.md §3.1): authn → CSRF (core) → feature privilege → zod with paths → handler (here).
 */
export function defineAssistantRoute<P, Q, B>(deps: RouteDependencies, def: AssistantRouteDefinition<P, Q, B>): void {
  // The feature privileges are checked below rather than by core's `requiredPrivileges`, in the same place of the
  // check order, so that a 403 carries `attributes.missingPrivileges` for the UI (assistant.md §9).
  const security = {
    authz: {
      enabled: false as const,
      reason:
        def.privileges === 'authenticated'
          ? 'Reports what the authenticated user may do; needs no privilege itself'
          : 'The assistant route helper checks the feature privileges so a 403 can list missingPrivileges',
    },
  };
  deps.router.versioned[def.method]({
    path: def.path,
    access: 'public',
    security,
    options: { summary: def.summary, body: { maxBytes: def.options?.bodyMaxBytes ?? DEFAULT_BODY_MAX_BYTES } },
  }).addVersion(
    { version: PUBLIC_API_VERSION, validate: { request: { params: passthrough, query: passthrough, body: passthrough } } },
    async (context, request, response) => {
      const core = await context.core;
      const user = core.security.authc.getCurrentUser();
      if (!user) return response.unauthorized({ body: 'Unauthorized' });
      const spaceId = core.spaces.getSpaceId();
      const services = await deps.getServices();
      if (def.privileges !== 'authenticated') {
        const missing = services.core.security.authz.checkPrivileges(user, spaceId, def.privileges);
        if (missing.length > 0) {
          return response.forbidden({
            body: {
              message: `API [${def.method.toUpperCase()} ${request.url.pathname}] is unauthorized for user, this action is granted by the Kibana privileges [${missing.join(',')}]`,
              attributes: { code: 'missing_privilege', missingPrivileges: missing },
            },
          });
        }
      }
      const parts = { params: request.params, query: request.query, body: request.body } as Record<'params' | 'query' | 'body', unknown>;
      const input: Record<string, unknown> = {};
      for (const part of ['params', 'query', 'body'] as const) {
        const schema = def.validate?.[part];
        if (!schema) {
          input[part] = {};
          continue;
        }
        const result = schema.safeParse(parts[part]);
        if (!result.success) return validationError(part, result.error, response);
        input[part] = result.data;
      }
      const ctx: AssistantRouteContext = { spaceId, user, scope: ownerScopeFor(services, user, spaceId), services, core, request, logger: deps.logger };
      try {
        return await def.handler(ctx, input as { params: P; query: Q; body: B }, response);
      } catch (error) {
        return errorResponse(error, response);
      }
    },
  );
}

/** `_find` query (snake_case) → data-client FindParams. */
export const toFindParams = (q: { filter?: string; sort_field?: string; sort_order?: 'asc' | 'desc'; page: number; per_page: number; fields?: string[] }) => ({
  ...(q.filter !== undefined ? { filter: q.filter } : {}),
  ...(q.sort_field !== undefined ? { sortField: q.sort_field } : {}),
  ...(q.sort_order !== undefined ? { sortOrder: q.sort_order } : {}),
  page: q.page,
  perPage: q.per_page,
  ...(q.fields !== undefined ? { fields: q.fields } : {}),
});

export const idParamsSchema = z.strictObject({ id: z.string().min(1).max(256) });

/**
 * `_find`'s `fields` (§3.1): each item keeps only the listed fields (API camelCase or stored snake_case names)
 * plus `id`; without `fields` items are returned whole.
 */
export function projectFields<T extends { id: string }>(items: T[], fields: string[] | undefined): Array<Partial<T> & { id: string }> {
  if (!fields || fields.length === 0) return items;
  const wanted = new Set(fields.map((f) => f.split('.')[0].replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())));
  return items.map((item) => {
    const out: Partial<T> & { id: string } = { id: item.id } as Partial<T> & { id: string };
    for (const [key, value] of Object.entries(item)) if (wanted.has(key)) (out as Record<string, unknown>)[key] = value;
    return out;
  });
}
