export { startRestServer, MAX_CONTENT_LENGTH } from './server';
export type { RestServer, RestServerOptions } from './server';
export { ROUTES } from './routes';
export { Router } from './router';
export type { RouteDefinition, RouteMatch } from './router';
export { applyFilterPath } from './filter_path';
export { RawJson, serializeJson } from './json_body';
export type { RestRequest, RestResponse, RestHandler, ServerInfo } from './types';
