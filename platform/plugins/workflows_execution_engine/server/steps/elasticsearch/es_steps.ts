import type { Client } from '@elastic/elasticsearch';
import { z } from 'zod/v4';
import { createServerStepDefinition, StepCategory } from '../../../../workflows_extensions/common';
import { toElasticsearchError } from './es_error';
import { mapBulk, mapEsqlQuery, mapIndex, mapRequest, mapSearch, mapUpdate, URL_PARAMS, type EsTransportRequest } from './request_mapping';

/** Sends one mapped request through the scoped client's transport (exact path), returning the raw body. */
export async function sendEsRequest(client: Client, request: EsTransportRequest, signal: AbortSignal): Promise<unknown> {
  try {
    return await client.transport.request(
      {
        method: request.method,
        path: request.path,
        querystring: request.querystring,
        ...(request.body !== undefined ? { body: request.body as Record<string, unknown> } : {}),
        ...(request.bulkBody !== undefined ? { bulkBody: request.bulkBody as Array<Record<string, unknown>> } : {}),
      },
      { signal, ...(request.headers ? { headers: request.headers } : {}) },
    );
  } catch (error) {
    throw toElasticsearchError(error, request);
  }
}

const indexName = z.string().min(1);
const indexNames = z.union([indexName, z.array(indexName).min(1)]);
const record = z.record(z.string(), z.unknown());
const output = z.unknown();

const doc = (what: string, example: string) => ({
  details: `${what} Keys other than the path parameters and the API's URL parameters (e.g. \`refresh\`, \`routing\`, \`ignore_unavailable\`) go into the request body; a \`body\` key is merged into it. Output: the raw Elasticsearch response body. Failures: \`ElasticsearchError\` with \`details {statusCode, type, reason}\`.`,
  url: 'https://www.elastic.co/docs/api/doc/elasticsearch',
  examples: [example],
});

export const esSearchStepDefinition = createServerStepDefinition({
  id: 'elasticsearch.search',
  label: 'Elasticsearch search',
  description: 'Runs a search (`POST /{index}/_search`) and outputs the raw response.',
  category: StepCategory.Elasticsearch,
  stability: 'ga',
  documentation: doc(
    '`index` may be a list (comma-joined).',
    '- name: recent_alerts\n  type: elasticsearch.search\n  with:\n    index: ".alerts-security.alerts-{{ workflow.spaceId }}"\n    size: 10\n    query:\n      term:\n        host.name: "{{ event.alerts[0].host.name }}"\n',
  ),
  inputSchema: z.looseObject({
    index: indexNames.optional().describe('Index, alias or pattern; a list is comma-joined.'),
    query: record.optional().describe('Query DSL.'),
    size: z.number().int().nonnegative().optional(),
    aggs: record.optional(),
  }),
  outputSchema: output,
  async handler({ input, contextManager, abortSignal }) {
    return { output: await sendEsRequest(contextManager.getScopedEsClient(), mapSearch(input), abortSignal) };
  },
});

export const esEsqlQueryStepDefinition = createServerStepDefinition({
  id: 'elasticsearch.esql.query',
  label: 'ES|QL query',
  description: 'Runs an ES|QL query (`POST /_query`) and outputs columns and values.',
  category: StepCategory.Elasticsearch,
  stability: 'ga',
  documentation: doc(
    'Body `{query, params?, filter?, columnar?, locale?}`; `format` goes to the URL.',
    '- name: close_reasons\n  type: elasticsearch.esql.query\n  with:\n    query: "FROM .alerts-security.alerts-default | WHERE host.name == ? | STATS c = COUNT(*) BY kibana.alert.workflow_reason"\n    params: ["{{ event.alerts[0].host.name }}"]\n',
  ),
  inputSchema: z.looseObject({
    query: z.string().min(1).describe('The ES|QL query.'),
    params: z.array(z.unknown()).optional().describe('Values for `?` placeholders.'),
    filter: record.optional().describe('Query DSL filter applied first.'),
    columnar: z.boolean().optional(),
    locale: z.string().optional(),
  }),
  outputSchema: output,
  async handler({ input, contextManager, abortSignal }) {
    return { output: await sendEsRequest(contextManager.getScopedEsClient(), mapEsqlQuery(input), abortSignal) };
  },
});

export const esIndexStepDefinition = createServerStepDefinition({
  id: 'elasticsearch.index',
  label: 'Index document',
  description: 'Indexes a document (`PUT /{index}/_doc/{id}`, or `POST /{index}/_doc` without id).',
  category: StepCategory.Elasticsearch,
  stability: 'ga',
  documentation: doc(
    '`document` (alias `body`) is the document.',
    '- name: save_verdict\n  type: elasticsearch.index\n  with:\n    index: triage-verdicts\n    id: "{{ event.alerts[0]._id }}"\n    refresh: wait_for\n    document:\n      verdict: "{{ steps.verdict.output.structured_output.verdict }}"\n',
  ),
  inputSchema: z
    .looseObject({
      index: indexName.describe('Target index.'),
      id: z.union([z.string(), z.number()]).optional().describe('Document id; generated when absent.'),
      document: record.optional().describe('The document.'),
      body: record.optional().describe('Alias of `document`.'),
    })
    .refine((v) => v.document !== undefined || v.body !== undefined, { message: 'document (or body) is required', path: ['document'] }),
  outputSchema: output,
  async handler({ input, contextManager, abortSignal }) {
    return { output: await sendEsRequest(contextManager.getScopedEsClient(), mapIndex(input), abortSignal) };
  },
});

export const esUpdateStepDefinition = createServerStepDefinition({
  id: 'elasticsearch.update',
  label: 'Update document',
  description: 'Updates a document (`POST /{index}/_update/{id}`).',
  category: StepCategory.Elasticsearch,
  stability: 'ga',
  documentation: doc(
    'Body `{doc?, script?, upsert?, doc_as_upsert?}`.',
    '- name: mark_seen\n  type: elasticsearch.update\n  with:\n    index: triage-verdicts\n    id: "{{ event.alerts[0]._id }}"\n    doc:\n      seen: true\n    doc_as_upsert: true\n',
  ),
  inputSchema: z.looseObject({
    index: indexName.describe('Target index.'),
    id: z.union([z.string().min(1), z.number()]).describe('Document id.'),
    doc: record.optional().describe('Partial document to merge.'),
    script: z.unknown().optional(),
    upsert: record.optional(),
    doc_as_upsert: z.boolean().optional(),
  }),
  outputSchema: output,
  async handler({ input, contextManager, abortSignal }) {
    return { output: await sendEsRequest(contextManager.getScopedEsClient(), mapUpdate(input), abortSignal) };
  },
});

const BULK_KEYS = new Set(['index', 'operations', 'body']);

export const esBulkStepDefinition = createServerStepDefinition({
  id: 'elasticsearch.bulk',
  label: 'Bulk',
  description: 'Runs bulk operations (`POST [/{index}]/_bulk`).',
  category: StepCategory.Elasticsearch,
  stability: 'ga',
  documentation: doc(
    '`operations` (action and source lines as a list, sent as NDJSON) or `body` (an NDJSON string).',
    '- name: write_many\n  type: elasticsearch.bulk\n  with:\n    index: triage-verdicts\n    refresh: true\n    operations:\n      - index: { _id: "a" }\n      - verdict: benign\n',
  ),
  inputSchema: z
    .looseObject({
      index: indexName.optional().describe('Default index for the operations.'),
      operations: z.array(record).min(1).optional().describe('Action and document lines.'),
      body: z.string().min(1).optional().describe('The NDJSON body, as text.'),
    })
    .superRefine((v, ctx) => {
      if ((v.operations === undefined) === (v.body === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['operations'], message: 'Exactly one of operations or body is required' });
      }
      for (const key of Object.keys(v)) {
        if (!BULK_KEYS.has(key) && !URL_PARAMS.bulk.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: `Unknown bulk parameter ${key}` });
      }
    }),
  outputSchema: output,
  async handler({ input, contextManager, abortSignal }) {
    return { output: await sendEsRequest(contextManager.getScopedEsClient(), mapBulk(input), abortSignal) };
  },
});

const ES_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'] as const;

export const esRequestStepDefinition = createServerStepDefinition({
  id: 'elasticsearch.request',
  label: 'Elasticsearch request',
  description: 'Sends any Elasticsearch API request as written.',
  category: StepCategory.Elasticsearch,
  stability: 'ga',
  documentation: {
    details: 'Raw `{method, path, body?, query?, headers?}`; output is the raw response body. Failures: `ElasticsearchError`.',
    url: 'https://www.elastic.co/docs/api/doc/elasticsearch',
    examples: ['- name: mapping\n  type: elasticsearch.request\n  with:\n    method: GET\n    path: /triage-verdicts/_mapping\n'],
  },
  inputSchema: z.object({
    method: z
      .preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(ES_METHODS))
      .default('GET')
      .describe('HTTP method.'),
    path: z.string().min(1).describe('API path, e.g. `/my-index/_count`.'),
    body: z.unknown().optional().describe('Request body.'),
    query: z.record(z.string(), z.unknown()).optional().describe('Query-string parameters.'),
    headers: z.record(z.string(), z.string()).optional().describe('Extra request headers.'),
  }),
  outputSchema: output,
  async handler({ input, contextManager, abortSignal }) {
    return { output: await sendEsRequest(contextManager.getScopedEsClient(), mapRequest(input), abortSignal) };
  },
});

export const elasticsearchStepDefinitions = [
  esSearchStepDefinition,
  esEsqlQueryStepDefinition,
  esIndexStepDefinition,
  esUpdateStepDefinition,
  esBulkStepDefinition,
  esRequestStepDefinition,
];
