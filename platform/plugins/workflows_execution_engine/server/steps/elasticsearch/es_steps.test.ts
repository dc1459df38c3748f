import { ElasticsearchError } from '../errors';
import { startTestEs, type TestEs } from '../test_support/embedded_es';
import { runStep } from '../test_support/step_context';
import {
  esBulkStepDefinition,
  esEsqlQueryStepDefinition,
  esIndexStepDefinition,
  esRequestStepDefinition,
  esSearchStepDefinition,
  esUpdateStepDefinition,
} from './es_steps';

let es: TestEs;

beforeAll(async () => {
  es = await startTestEs();
}, 30_000);

afterAll(async () => {
  await es?.stop();
});

beforeEach(() => {
  es.requests.length = 0;
});

const run = (definition: Parameters<typeof runStep>[0], input: unknown) => runStep(definition, { with: input, esClient: es.client });

describe('elasticsearch.* steps on the embedded engine', () => {
  it('index with id (PUT) and without (POST), refresh in the URL; output is the raw body', async () => {
    const withId = await run(esIndexStepDefinition, { index: 'wf-docs', id: 'a', document: { host: 'h1', n: 1 }, refresh: 'true' });
    expect(withId.error).toBeUndefined();
    expect(withId.output).toMatchObject({ _index: 'wf-docs', _id: 'a', result: 'created', _version: 1 });
    expect(es.requests[0]).toMatchObject({ method: 'PUT', path: '/wf-docs/_doc/a', querystring: 'refresh=true' });
    const generated = await run(esIndexStepDefinition, { index: 'wf-docs', body: { host: 'h2', n: 2 }, refresh: true });
    expect(generated.output).toMatchObject({ _index: 'wf-docs', result: 'created', _id: expect.any(String) });
    expect(es.requests[1]).toMatchObject({ method: 'POST', path: '/wf-docs/_doc' });
  });

  it('search: query, size and aggs in the body; ignore_unavailable in the URL; index list joined', async () => {
    const result = await run(esSearchStepDefinition, {
      index: ['wf-docs', 'wf-missing'],
      ignore_unavailable: true,
      size: 5,
      track_total_hits: true,
      query: { term: { host: 'h1' } },
      aggs: { hosts: { terms: { field: 'host.keyword' } } },
    });
    expect(result.error).toBeUndefined();
    expect(result.output).toMatchObject({
      hits: { total: { value: 1, relation: 'eq' }, hits: [{ _id: 'a', _source: { host: 'h1', n: 1 } }] },
    });
    expect(es.requests[0]).toMatchObject({ method: 'POST', path: '/wf-docs,wf-missing/_search', querystring: 'ignore_unavailable=true' });
    expect(JSON.parse(es.requests[0].body ?? '{}')).toEqual({
      size: 5,
      track_total_hits: true,
      query: { term: { host: 'h1' } },
      aggs: { hosts: { terms: { field: 'host.keyword' } } },
    });
  });

  it('update merges the doc', async () => {
    const result = await run(esUpdateStepDefinition, { index: 'wf-docs', id: 'a', doc: { n: 10 }, refresh: 'true' });
    expect(result.output).toMatchObject({ _id: 'a', result: 'updated' });
    const got = await run(esRequestStepDefinition, { path: '/wf-docs/_doc/a' });
    expect(got.output).toMatchObject({ found: true, _source: { host: 'h1', n: 10 } });
  });

  it('bulk with operations and with an NDJSON body', async () => {
    const ops = await run(esBulkStepDefinition, {
      index: 'wf-bulk',
      refresh: true,
      operations: [{ index: { _id: '1' } }, { v: 1 }, { index: { _id: '2' } }, { v: 2 }],
    });
    expect(ops.output).toMatchObject({ errors: false, items: [{ index: { _id: '1', status: 201 } }, { index: { _id: '2', status: 201 } }] });
    const text = await run(esBulkStepDefinition, { body: '{"delete":{"_index":"wf-bulk","_id":"1"}}', refresh: 'true' });
    expect(text.output).toMatchObject({ errors: false, items: [{ delete: { _id: '1', result: 'deleted' } }] });
    const count = await run(esRequestStepDefinition, { method: 'get', path: '/wf-bulk/_count' });
    expect(count.output).toMatchObject({ count: 1 });
  });

  it('bulk rejects both or neither of operations/body, and unknown keys', () => {
    expect(esBulkStepDefinition.inputSchema.safeParse({ index: 'x' }).success).toBe(false);
    expect(esBulkStepDefinition.inputSchema.safeParse({ operations: [{}], body: 'x' }).success).toBe(false);
    expect(esBulkStepDefinition.inputSchema.safeParse({ operations: [{ index: {} }, {}], nope: 1 }).success).toBe(false);
  });

  it('request: raw method, path, query and body', async () => {
    const result = await run(esRequestStepDefinition, {
      method: 'POST',
      path: '/wf-docs/_search',
      query: { filter_path: 'hits.total' },
      body: { query: { match_all: {} } },
    });
    expect(result.output).toEqual({ hits: { total: { value: 2, relation: 'eq' } } });
  });

  it('a missing index fails with ElasticsearchError {statusCode, type, reason}', async () => {
    const result = await run(esSearchStepDefinition, { index: 'wf-nope', query: { match_all: {} } });
    expect(result.error).toBeInstanceOf(ElasticsearchError);
    expect(result.error?.name).toBe('ElasticsearchError');
    expect((result.error as ElasticsearchError).details).toEqual({
      statusCode: 404,
      type: 'index_not_found_exception',
      reason: 'no such index [wf-nope]',
    });
  });

  it('esql.query sends POST /_query {query, params, filter}; the embedded engine answers 400, mapped to ElasticsearchError', async () => {
    const result = await run(esEsqlQueryStepDefinition, {
      query: 'FROM wf-docs | WHERE host == ? | LIMIT 1',
      params: ['h1'],
      filter: { range: { n: { gte: 0 } } },
      format: 'json',
    });
    expect(es.requests[0]).toMatchObject({ method: 'POST', path: '/_query', querystring: 'format=json' });
    expect(JSON.parse(es.requests[0].body ?? '{}')).toEqual({
      query: 'FROM wf-docs | WHERE host == ? | LIMIT 1',
      params: ['h1'],
      filter: { range: { n: { gte: 0 } } },
    });
    expect(result.error?.name).toBe('ElasticsearchError');
    expect((result.error as ElasticsearchError).details).toMatchObject({
      statusCode: 400,
      type: 'illegal_argument_exception',
      reason: expect.stringContaining('ES|QL'),
    });
  });

  it('an aborted run cancels the request', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runStep(esSearchStepDefinition, { with: { index: 'wf-docs' }, esClient: es.client, abortSignal: controller.signal });
    expect(result.error?.name).toBe('ElasticsearchError');
    expect((result.error as ElasticsearchError).details.statusCode).toBeUndefined();
  });
});
