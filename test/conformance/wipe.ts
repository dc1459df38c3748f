import type { HttpResponse } from './http_client';
import { isRecord } from './object_path';
import type { HttpRequest } from './request_builder';

type Transport = (request: HttpRequest) => Promise<HttpResponse>;

const JSON_HEADERS = { 'content-type': 'application/json' };

async function expectOk(transport: Transport, request: HttpRequest): Promise<HttpResponse> {
  const response = await transport(request);
  if (response.status >= 400) throw new Error(`${request.method} ${request.path} -> ${response.status} ${response.text.slice(0, 300)}`);
  return response;
}

/** Names of every index, hidden ones included. */
async function allIndices(transport: Transport): Promise<string[]> {
  const response = await expectOk(transport, { method: 'GET', path: '/_cat/indices?format=json&h=index&expand_wildcards=all', headers: {} });
  if (!Array.isArray(response.body)) throw new Error(`_cat/indices did not return a list: ${response.text.slice(0, 200)}`);
  return response.body.filter(isRecord).map((row) => String(row.index));
}

async function templateNames(transport: Transport, path: string, key: string): Promise<string[]> {
  const response = await transport({ method: 'GET', path, headers: {} });
  if (response.status === 404) return [];
  if (response.status >= 400 || !isRecord(response.body)) throw new Error(`GET ${path} -> ${response.status} ${response.text.slice(0, 200)}`);
  const list = response.body[key];
  return Array.isArray(list) ? list.filter(isRecord).map((t) => String(t.name)) : [];
}

/**
 * Returns the cluster to empty between tests, as the official runner's wipeCluster does: every index
 * (by name, hidden included), every index and component template, and persistent/transient settings.
 */
export async function wipeCluster(transport: Transport): Promise<void> {
  for (const name of await templateNames(transport, '/_index_template', 'index_templates')) {
    await expectOk(transport, { method: 'DELETE', path: `/_index_template/${encodeURIComponent(name)}`, headers: {} });
  }
  const indices = await allIndices(transport);
  for (let i = 0; i < indices.length; i += 50) {
    const batch = indices.slice(i, i + 50).map(encodeURIComponent).join(',');
    await expectOk(transport, { method: 'DELETE', path: `/${batch}?expand_wildcards=all`, headers: {} });
  }
  const components = await transport({ method: 'GET', path: '/_component_template', headers: {} });
  if (components.status < 400 && isRecord(components.body) && Array.isArray(components.body.component_templates)) {
    for (const t of components.body.component_templates.filter(isRecord)) {
      await expectOk(transport, { method: 'DELETE', path: `/_component_template/${encodeURIComponent(String(t.name))}`, headers: {} });
    }
  }
  const settings = await transport({ method: 'GET', path: '/_cluster/settings?flat_settings=true', headers: {} });
  if (settings.status < 400 && isRecord(settings.body)) {
    const reset: Record<string, Record<string, null>> = {};
    for (const scope of ['persistent', 'transient']) {
      const values = settings.body[scope];
      if (isRecord(values) && Object.keys(values).length > 0) {
        reset[scope] = Object.fromEntries(Object.keys(values).map((k) => [k, null]));
      }
    }
    if (Object.keys(reset).length > 0) {
      await expectOk(transport, { method: 'PUT', path: '/_cluster/settings', headers: JSON_HEADERS, body: JSON.stringify(reset) });
    }
  }
}
