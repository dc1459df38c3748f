/**
 * jsdom test harness: the real providers, core http, chrome and toasts, with only `fetch` replaced by a scripted
 * router that records every request (the HTTP boundary).
 */
import { EuiProvider } from '@elastic/eui';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createBasePath, createBrowserHistory, createChromeService, createHttpService, createScopedHistory, createToastsService } from '../../../../core/public';
import { createWorkflowsApi } from '../api/workflows_api';
import { createQueryClient, WorkflowsProviders } from '../application';
import type { WorkflowsServices } from '../app/services';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface FakeRoute {
  method: string;
  /** Path without the query string, exact or a RegExp. */
  path: string | RegExp;
  reply(request: RecordedRequest): { status?: number; body: unknown } | Promise<{ status?: number; body: unknown }>;
}

export interface FakeServer {
  fetch: typeof fetch;
  requests: RecordedRequest[];
}

/** A minimal fetch Response: what core http reads (status, ok, headers.get, text). */
function response(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  const headers = new Headers({ 'content-type': 'application/json' });
  return { status, ok: status >= 200 && status < 300, statusText: status === 200 ? 'OK' : 'Error', headers, text: async () => text } as unknown as Response;
}

export function createFakeServer(routes: FakeRoute[]): FakeServer {
  const requests: RecordedRequest[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const request: RecordedRequest = { method, path: url.pathname, query: url.searchParams, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    requests.push(request);
    const route = routes.find((r) => r.method === method && (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)));
    if (!route) return response(404, { statusCode: 404, error: 'Not Found', message: `No fake route for ${method} ${url.pathname}` });
    const { status = 200, body } = await route.reply(request);
    return response(status, body);
  };
  return { fetch: fakeFetch as typeof fetch, requests };
}

export function renderWithServices(ui: ReactElement, options: { server: FakeServer; path?: string; stepDefinitions?: WorkflowsServices['stepDefinitions'] }): RenderResult & { services: WorkflowsServices } {
  window.history.pushState(null, '', `/app/workflows${options.path ?? ''}`);
  const http = createHttpService({ basePath: createBasePath('', 'default'), fetchImpl: options.server.fetch });
  const services: WorkflowsServices = {
    api: createWorkflowsApi(http),
    core: { http, chrome: createChromeService(document), notifications: { toasts: createToastsService() } },
    history: createScopedHistory(createBrowserHistory(window), '/app/workflows'),
    stepDefinitions: options.stepDefinitions,
  };
  const result = render(
    <EuiProvider colorMode="light">
      <WorkflowsProviders services={services} queryClient={createQueryClient()}>
        {ui}
      </WorkflowsProviders>
    </EuiProvider>,
  );
  return { ...result, services };
}
