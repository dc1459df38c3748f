import type { Client } from '@elastic/elasticsearch';
import type { AuthenticatedUser, KibanaRequest } from './kibana_request';

export interface CoreRequestHandlerContext {
  elasticsearch: { client: { asCurrentUser: Client; asInternalUser: Client } };
  security: { authc: { getCurrentUser(): AuthenticatedUser | null } };
  spaces: { getSpaceId(): string };
  featureFlags: { getBooleanValue(key: string, fallback: boolean): Promise<boolean> };
}

/** `await context.core`, plus one promise per context registered by plugins (`await context.myPlugin`). */
export interface RequestHandlerContext {
  core: Promise<CoreRequestHandlerContext>;
}

export type RequestHandlerContextProvider<T> = (
  context: RequestHandlerContext,
  request: KibanaRequest
) => T | Promise<T>;
