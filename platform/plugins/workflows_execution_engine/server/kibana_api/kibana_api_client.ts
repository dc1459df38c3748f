import type { AuthenticatedUser, InProcessRequest, InProcessResponse } from '../../../../core/server';
import type { CallKibanaApiRequest } from '../../../workflows_extensions/common';
import { WorkflowStepError } from '../errors';

/** `kibana.request` / `callKibanaApi` failures (§2.5): status ≥ 400, with `details {statusCode, body}`. */
export class KibanaApiError extends WorkflowStepError {
  constructor(statusCode: number, method: string, path: string, body: unknown) {
    const reason = body !== null && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : `status ${statusCode}`;
    super('KibanaApiError', `Kibana API ${method} ${path} failed with status ${statusCode}: ${reason}`, { statusCode, body });
  }
}

function withQuery(path: string, query: CallKibanaApiRequest['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, String(value));
  const text = params.toString();
  if (text === '') return path;
  return `${path}${path.includes('?') ? '&' : '?'}${text}`;
}

/**
 * The host router in-process as the execution's user (§2.5, §5.7). The path is sent as written (a `/s/<space>`
 * prefix selects the space); `kbn-xsrf` and a JSON content type are added; that user's privileges apply.
 */
export function createKibanaApiClient(deps: { inject(request: InProcessRequest): Promise<InProcessResponse>; user: AuthenticatedUser | null }) {
  return async <T = unknown>(request: CallKibanaApiRequest): Promise<T> => {
    const method = request.method ?? 'GET';
    const headers: Record<string, string> = { 'kbn-xsrf': 'true', 'content-type': 'application/json', ...(request.headers ?? {}) };
    const response = await deps.inject({ method, path: withQuery(request.path, request.query), headers, body: request.body, user: deps.user });
    if (response.statusCode >= 400) throw new KibanaApiError(response.statusCode, method, request.path, response.body);
    return response.body as T;
  };
}
