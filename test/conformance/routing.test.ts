import { API_ROUTES } from './api_routes';
import { ApiRegistry, specFromJson, specFromRoutes } from './api_spec';
import { ParamError, bestPaths, buildCall, chooseMethod } from './request_builder';

const spec = (name: string) => {
  const s = specFromRoutes(name);
  if (s === undefined) throw new Error(`no route for ${name}`);
  return s;
};

describe('routing table', () => {
  it('covers the APIs of the subset', () => {
    for (const name of [
      'index', 'create', 'get', 'exists', 'delete', 'update', 'bulk', 'mget', 'search', 'msearch', 'count', 'indices.create',
      'indices.delete', 'indices.exists', 'indices.get', 'indices.get_mapping', 'indices.put_mapping', 'indices.get_settings',
      'indices.put_settings', 'indices.refresh', 'indices.update_aliases', 'indices.put_alias', 'indices.get_alias',
      'indices.exists_alias', 'indices.delete_alias', 'indices.put_index_template', 'indices.get_index_template',
      'indices.delete_index_template', 'indices.exists_index_template', 'indices.simulate_index_template', 'cat.indices', 'info',
      'cluster.health', 'update_by_query', 'delete_by_query', 'cluster.put_settings',
    ]) {
      expect(API_ROUTES[name]).toBeDefined();
    }
  });

  it('picks the path with the most provided parts', () => {
    const paths = spec('index').paths;
    expect(bestPaths(paths, new Set(['index', 'id'])).map((p) => p.path)).toEqual(['/{index}/_doc/{id}']);
    expect(bestPaths(paths, new Set(['index'])).map((p) => p.path)).toEqual(['/{index}/_doc']);
    expect(bestPaths(paths, new Set())).toEqual([]);
  });

  it('prefers POST/PUT with a body and GET without', () => {
    expect(chooseMethod(['GET', 'POST'], true)).toBe('POST');
    expect(chooseMethod(['GET', 'POST'], false)).toBe('GET');
    expect(chooseMethod(['PUT'], false)).toBe('PUT');
  });
});

describe('buildCall', () => {
  it('fills path parts, query parameters and a JSON body', () => {
    const { request } = buildCall(spec('index'), { index: 'test_1', id: 'a b', refresh: true, body: { foo: 'bar' } });
    expect(request).toEqual({
      method: 'POST',
      path: '/test_1/_doc/a%20b?refresh=true',
      headers: { 'content-type': 'application/json' },
      body: '{"foo":"bar"}',
    });
  });

  it('joins list values with commas', () => {
    const { request } = buildCall(spec('search'), { index: ['a', 'b*'], _source_includes: ['x', 'y'] });
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/a,b*/_search?_source_includes=x%2Cy');
  });

  it('serializes NDJSON bodies from lists and keeps string bodies as written', () => {
    const list = buildCall(spec('bulk'), { refresh: true, body: [{ index: { _index: 'i', _id: '1' } }, { f: 1 }] }).request;
    expect(list.body).toBe('{"index":{"_index":"i","_id":"1"}}\n{"f":1}\n');
    expect(list.headers['content-type']).toBe('application/x-ndjson');
    const text = buildCall(spec('bulk'), { body: '{"index":{}}\n{"f":1}' }).request;
    expect(text.body).toBe('{"index":{}}\n{"f":1}');
  });

  it('passes `ignore` to the client and headers through', () => {
    const call = buildCall(spec('indices.delete'), { index: 'x', ignore: 404 }, { Authorization: 'Basic abc' });
    expect(call.ignore).toEqual([404]);
    expect(call.request.headers).toEqual({ authorization: 'Basic abc' });
    expect(call.request.method).toBe('DELETE');
  });

  it('raises client-side parameter errors (catch: param)', () => {
    expect(() => buildCall(spec('get'), { index: 'x' })).toThrow(ParamError);
    expect(() => buildCall(spec('bulk'), {})).toThrow('body is required by [bulk] api');
    expect(() => buildCall(spec('get'), { index: 'x', id: '1', body: {} })).toThrow('body is not supported by [get] api');
  });

  it('validates query parameters when official specs are loaded', () => {
    const official = specFromJson({
      get: {
        url: { paths: [{ path: '/{index}/_doc/{id}', methods: ['GET'], parts: { index: {}, id: {} } }] },
        params: { realtime: { type: 'boolean' } },
      },
    });
    expect(official).toBeDefined();
    if (official === undefined) return;
    expect(buildCall(official, { index: 'i', id: '1', realtime: false, filter_path: '_id' }).request.path).toBe('/i/_doc/1?realtime=false&filter_path=_id');
    expect(() => buildCall(official, { index: 'i', id: '1', bogus: 1 })).toThrow('path/param [bogus] not supported by [get] api');
  });

  it('falls back to the routing table without a spec folder', () => {
    const registry = new ApiRegistry(undefined);
    expect(registry.usesOfficialSpecs).toBe(false);
    expect(registry.get('mget')?.paths.length).toBe(2);
    expect(registry.get('no.such_api')).toBeUndefined();
  });
});
