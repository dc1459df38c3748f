export { createBasePath, spacePrefix } from './base_path';
export type { IBasePath } from './base_path';
export { HttpFetchError } from './http_fetch_error';
export type { HttpErrorBody } from './http_fetch_error';
export { buildQueryString, createHttpService } from './http_service';
export type { HttpFetchOptions, HttpQuery, HttpResponse, HttpServiceDeps, HttpSetup, HttpStart } from './http_service';
