export { HttpServer, ELASTIC_HTTP_VERSION_HEADER, XSRF_MESSAGE } from './http_server';
export type { AuthenticationResult, HttpServerDeps, InProcessRequest, InProcessResponse } from './http_server';
export { KibanaRequest, createFakeKibanaRequest, getRequestState } from './kibana_request';
export type { AuthenticatedUser, Headers, KibanaRequestRoute, RouteAccess, RouteMethod } from './kibana_request';
export { KibanaResponse, kibanaResponseFactory, errorBody, httpReason } from './kibana_response';
export type {
  IKibanaResponse,
  KibanaErrorBody,
  KibanaResponseFactory,
  ResponseErrorBody,
  ResponseHeaders,
  ResponseBody,
} from './kibana_response';
export { RouteTable, createRouter, RouteRegistrationError } from './router';
export type {
  AddVersionOpts,
  IRouter,
  PrivilegeRequirement,
  RegisteredRoute,
  RequestHandler,
  RouteConfig,
  RouteOptions,
  RouteSecurity,
  RouteValidatorConfig,
  VersionedRoute,
  VersionedRouteConfig,
  VersionedRouter,
} from './router_types';
export type { CoreRequestHandlerContext, RequestHandlerContext, RequestHandlerContextProvider } from './handler_context';
export { readCookie, serializeCookie } from './cookies';
export { toFastifyPath, splitSpacePrefix } from './route_path';
