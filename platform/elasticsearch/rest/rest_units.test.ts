import { parseBulk } from './handlers/bulk_parser';
import { applyFilterPath } from './filter_path';
import { didYouMean, jsonParseError, RawJson, serializeJson } from './json_body';
import { Router } from './router';
import { errorOf } from '../test_support';

describe('router', () => {
  const router = new Router();
  const handler = () => ({ status: 200 });
  router.addAll([
    { methods: ['GET'], path: '/_search', params: [], handler },
    { methods: ['PUT'], path: '/{index}', params: [], handler },
    { methods: ['GET', 'POST'], path: '/{index}/_search', params: [], handler },
    { methods: ['GET'], path: '/{index}/_doc/{id}', params: [], handler },
  ]);
  it('prefers literal segments and decodes parameters', () => {
    const m = router.match('GET', '/_search');
    expect(m.kind === 'found' && m.route.path).toBe('/_search');
    const doc = router.match('GET', '/my%2Bindex/_doc/a%20b');
    expect(doc).toMatchObject({ kind: 'found', pathParams: { index: 'my+index', id: 'a b' } });
  });
  it('falls back to a parameter route for other methods, else 405', () => {
    const put = router.match('PUT', '/_search');
    expect(put.kind === 'found' && put.route.path).toBe('/{index}');
    expect(router.match('DELETE', '/x/_search')).toEqual({ kind: 'method_not_allowed', allowed: ['GET', 'POST'] });
    expect(router.match('GET', '/a/b/c/d/e')).toEqual({ kind: 'not_found' });
  });
  it('lets a tail wildcard catch only what nothing else matches', () => {
    const r = new Router();
    r.addAll([
      { methods: ['GET'], path: '/_nodes/{*}', params: [], handler },
      { methods: ['GET'], path: '/{index}/_doc/{id}', params: [], handler },
    ]);
    expect(r.match('GET', '/_nodes/a/b/c')).toMatchObject({ kind: 'found', route: { path: '/_nodes/{*}' } });
    expect(r.match('GET', '/_nodes')).toEqual({ kind: 'not_found' });
    expect(r.match('GET', '/_nodes/_doc/1')).toMatchObject({ kind: 'found', route: { path: '/{index}/_doc/{id}' } });
    expect(r.match('POST', '/_nodes/_doc/1')).toEqual({ kind: 'method_not_allowed', allowed: ['GET'] });
  });
  it('serves HEAD from GET routes', () => {
    expect(router.match('HEAD', '/x/_doc/1').kind).toBe('found');
  });
});

describe('filter_path', () => {
  const tree = { took: 1, hits: { total: { value: 2 }, hits: [{ _id: 'a', _source: { x: 1, y: 2 } }, { _id: 'b', _source: { x: 3 } }] } };
  it('includes by path, * and **', () => {
    expect(applyFilterPath(tree, 'hits.hits._id')).toEqual({ hits: { hits: [{ _id: 'a' }, { _id: 'b' }] } });
    expect(applyFilterPath(tree, 'hits.*.value')).toEqual({ hits: { total: { value: 2 } } });
    expect(applyFilterPath(tree, '**.x')).toEqual({ hits: { hits: [{ _source: { x: 1 } }, { _source: { x: 3 } }] } });
    expect(applyFilterPath(tree, 'nothing')).toEqual({});
  });
  it('excludes with -', () => {
    expect(applyFilterPath(tree, '-hits.hits._source,-took')).toEqual({ hits: { total: { value: 2 }, hits: [{ _id: 'a' }, { _id: 'b' }] } });
    expect(applyFilterPath(tree, 'hits.hits,-hits.hits._source.y')).toEqual({
      hits: { hits: [{ _id: 'a', _source: { x: 1 } }, { _id: 'b', _source: { x: 3 } }] },
    });
  });
});

describe('json helpers', () => {
  it('splices raw JSON verbatim', () => {
    const raw = new RawJson('{"n":9007199254740993,"s":"\\u00e9"}');
    expect(serializeJson({ a: raw, b: [raw] }, false)).toBe('{"a":{"n":9007199254740993,"s":"\\u00e9"},"b":[{"n":9007199254740993,"s":"\\u00e9"}]}');
    expect(serializeJson({ a: raw }, true)).toBe('{\n  "a": {"n":9007199254740993,"s":"\\u00e9"}\n}');
  });
  it('reports parse errors with line and column', () => {
    const text = '{\n  "a": x}';
    let err: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e;
    }
    const e = jsonParseError(text, err);
    expect(e.type).toBe('x_content_parse_exception');
    expect(e.reason).toBe("[2:8] Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
  });
  it('suggests close names', () => {
    expect(didYouMean('dac', ['doc', 'upsert', 'detect_noop'])).toEqual(['doc']);
    expect(didYouMean('zzz', ['doc'])).toEqual([]);
  });
});

describe('bulk parser', () => {
  it('pairs actions with sources and applies defaults', () => {
    const items = parseBulk('{"index":{"_id":"1"}}\n{"a":1}\n\n{"delete":{"_index":"other","_id":"2"}}\n{"update":{"_id":"3","routing":"r"}}\n{"doc":{}}\n', { index: 'def' });
    expect(items.map((i) => [i.op, i.index, i.id, i.source, i.routing])).toEqual([
      ['index', 'def', '1', '{"a":1}', undefined],
      ['delete', 'other', '2', undefined, undefined],
      ['update', 'def', '3', '{"doc":{}}', 'r'],
    ]);
  });
  it('raises request-level errors', () => {
    expect(errorOf(() => parseBulk('{"index":{}}\n{}', {})).reason).toBe('The bulk request must be terminated by a newline [\\n]');
    expect(errorOf(() => parseBulk('{"index":{}}\n{}\n', {})).reason).toBe('Validation Failed: 1: index is missing;');
    expect(errorOf(() => parseBulk('{"foo":{}}\n', { index: 'x' })).reason).toBe(
      'Malformed action/metadata line [1], expected field [create], [delete], [index] or [update] but found [foo]',
    );
    expect(errorOf(() => parseBulk('[1]\n', { index: 'x' })).reason).toBe(
      'Malformed action/metadata line [1], expected START_OBJECT or END_OBJECT but found [START_ARRAY]',
    );
  });
  it('reads the compact index/create action line the same way as the general JSON path', () => {
    // The second form of each pair has whitespace, so it is JSON-parsed; both must give the same items.
    const pairs: Array<[string, string]> = [
      ['{"index":{"_index":"a","_id":"1"}}', '{ "index": { "_index": "a", "_id": "1" } }'],
      ['{"create":{"_index":"a","_id":"x y"}}', '{"create": {"_index":"a","_id":"x y"}}'],
      ['{"index":{"_index":"a"}}', '{"index": {"_index":"a"}}'],
      ['{"index":{"_index":"a","_id":""}}', '{"index": {"_index":"a","_id":""}}'],
      ['{"index":{"_index":"a","_id":"é€"}}', '{"index": {"_index":"a","_id":"\u00e9\u20ac"}}'],
    ];
    const shape = (text: string, defaults: Parameters<typeof parseBulk>[1]): unknown =>
      parseBulk(`${text}\n{"f":1}\n`, defaults).map((item) => ({ ...item, error: item.error?.toBody() }));
    for (const defaults of [{}, { routing: 'r', requireAlias: true }, { pipeline: 'p' }, { pipeline: '_none' }]) {
      for (const [compact, spaced] of pairs) expect(shape(compact, defaults)).toEqual(shape(spaced, defaults));
    }
    expect(parseBulk('{"index":{"_index":"a","_id":"1"}}\n{"f":1}\n', {})[0]).toEqual({ op: 'index', index: 'a', id: '1', routing: undefined, requireAlias: undefined, source: '{"f":1}' });
    expect(errorOf(() => parseBulk('{"index":{"_index":"a","_id":"1"}}\n', {})).reason).toBe('Validation Failed: 1: source is missing;');
    // Escapes and control characters are never matched by the fast path; JSON decides.
    expect(parseBulk('{"index":{"_index":"a","_id":"q\\"1"}}\n{}\n', {})[0].id).toBe('q"1');
    expect(errorOf(() => parseBulk('{"index":{"_index":"a","_id":"\t"}}\n{}\n', {})).type).toBe('x_content_parse_exception');
  });
  it('keeps per-item failures on the item', () => {
    const [item] = parseBulk('{"index":{"_index":"x","_id":"1","version_type":"external","version":3}}\n{}\n', {});
    expect(item.error?.status).toBe(400);
  });
});
