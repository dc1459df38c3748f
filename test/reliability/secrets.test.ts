/**
 * Connector secrets (issue 9, Security): a canary API key set through the API must never come back in any API
 * answer (including errors where the provider echoes it), never be logged (at `all` level), and never sit in
 * clear text in any Elasticsearch document, hidden system indices included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startTestPlatform, type TestPlatform } from '../helpers';
import { startFakeLlm, type FakeLlm } from '../fake_llm';

jest.setTimeout(60_000);

// Unique and greppable: distinct from anything the host could produce by itself.
const CANARY = 'sk-canary-h9-7f3a9c2e1b5d4f60';

let tp: TestPlatform;
let llm: FakeLlm;
let esDocs = 0;
let esIndices = 0;
const responses: Array<{ what: string; text: string }> = [];

beforeAll(async () => {
  llm = await startFakeLlm();
  tp = await startTestPlatform({
    plugins: ['securityAiAssistant', 'actions'],
    config: { 'logging.levels': { root: 'all' } },
  });
});

afterAll(async () => {
  await tp?.stop();
  await llm?.close();
});

const record = <R extends { status: number; text: string }>(what: string, res: R): R => {
  responses.push({ what: `${what} → ${res.status}`, text: res.text });
  return res;
};

describe('connector secrets', () => {
  let id = '';

  it('are write-only through the API, including when a compromised provider echoes the key back', async () => {
    const created = record(
      'create',
      await tp.post<{ id: string }>('/api/actions/connector', {
        name: 'Canary GPT',
        connector_type_id: '.gen-ai',
        config: { apiProvider: 'Other', apiUrl: llm.url, defaultModel: 'canary-model' },
        secrets: { apiKey: CANARY },
      })
    );
    expect(created.status).toBe(200);
    id = created.body.id;

    record('list', await tp.get('/api/actions/connectors'));
    record('get', await tp.get(`/api/actions/connector/${id}`));
    record('update', await tp.put(`/api/actions/connector/${id}`, { name: 'Canary GPT 2', config: { apiProvider: 'Other', apiUrl: llm.url, defaultModel: 'canary-model' } }));
    record('assistant connectors', await tp.get('/api/security_ai_assistant/connectors'));

    // The provider reflects the Authorization header in its error body and in an answer: what a hostile endpoint would do.
    const echoKey = (headers: Record<string, string | string[] | undefined>) => String(headers.authorization ?? '');
    llm.enqueue((req) => ({ error: { status: 401, body: { error: { message: `bad key ${echoKey(req.headers)}` } } } }));
    record('execute 401 echo', await tp.post(`/api/actions/connector/${id}/_execute`, { params: { subAction: 'test' } }));
    llm.enqueue((req) => ({ error: { status: 500, body: `upstream failure for ${echoKey(req.headers)}` } }));
    record('execute 500 echo', await tp.post(`/api/actions/connector/${id}/_execute`, { params: { subAction: 'invokeAI', subActionParams: { messages: [{ role: 'user', content: 'hi' }] } } }));
    llm.enqueue((req) => ({ error: { status: 400, body: { error: { message: `rejected ${echoKey(req.headers)}` } } } }));
    record('assistant _test echo', await tp.post(`/api/security_ai_assistant/connectors/${id}/_test`, {}));
    record('execute missing', await tp.post('/api/actions/connector/does-not-exist/_execute', { params: { subAction: 'test' } }));

    // The key did reach the provider, so its absence below is not vacuous.
    expect(llm.chatRequests().some((r) => echoKey(r.headers).includes(CANARY))).toBe(true);
    const leaking = responses.filter((r) => r.text.includes(CANARY)).map((r) => r.what);
    expect(leaking).toEqual([]);
    expect(responses.length).toBeGreaterThanOrEqual(9);
  });

  it('are never logged', () => {
    expect(tp.logs.length).toBeGreaterThan(10);
    const leaking = tp.logs.filter((r) => {
      const line = `${r.message} ${JSON.stringify(r.meta ?? {})} ${r.error ? `${r.error.message} ${r.error.stack ?? ''}` : ''}`;
      return line.includes(CANARY);
    });
    expect(leaking.map((r) => `[${r.logger}] ${r.message}`)).toEqual([]);
  });

  it('are not stored in clear text in any Elasticsearch document', async () => {
    await tp.es.indices.refresh({ index: '*', expand_wildcards: 'all' });
    const res = await tp.es.search({ index: '*', expand_wildcards: 'all', size: 10_000, query: { match_all: {} } });
    const hits = res.hits.hits;
    esDocs = hits.length;
    esIndices = new Set(hits.map((h) => h._index)).size;
    // The connector document exists (so the search did reach the system index), with encrypted secrets.
    const connectorDoc = hits.find((h) => JSON.stringify(h._source).includes('Canary GPT 2'));
    expect(connectorDoc).toBeDefined();
    expect(hits.filter((h) => JSON.stringify(h._source).includes(CANARY)).map((h) => `${h._index}/${h._id}`)).toEqual([]);
  });

  it('are not in clear text in any file of the data directory (engine storage, logs, state)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) files.push(full);
      }
    };
    walk(tp.dataPath);
    expect(files.length).toBeGreaterThan(0);
    const needle = Buffer.from(CANARY);
    expect(files.filter((f) => fs.readFileSync(f).includes(needle)).map((f) => path.relative(tp.dataPath, f))).toEqual([]);
    // eslint-disable-next-line no-console
    console.log(`secrets: ${files.length} data files, ${responses.length} API responses, ${tp.logs.length} log records, ${esDocs} ES documents (${esIndices} indices) scanned; canary found 0 times`);
  });
});
