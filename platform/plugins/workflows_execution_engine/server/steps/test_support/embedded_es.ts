import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { startEmbeddedElasticsearch } from '../../../../../elasticsearch';

export interface TestEs {
  readonly client: Client;
  /** Every request the client sent (method, path, querystring, body text), for mapping assertions. */
  readonly requests: Array<{ method: string; path: string; querystring: string; body: string | undefined }>;
  stop(): Promise<void>;
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Test support: the real embedded Elasticsearch engine on a random loopback port with a temp data dir. */
export async function startTestEs(): Promise<TestEs> {
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-steps-es-'));
  const es = await startEmbeddedElasticsearch({ port: 0, host: '127.0.0.1', dataPath, logger: silent });
  const client = new Client({ node: es.url });
  const requests: TestEs['requests'] = [];
  client.diagnostic.on('request', (error, event) => {
    if (error !== null || event === null) return;
    const { method, path: requestPath, querystring, body } = event.meta.request.params;
    requests.push({
      method,
      path: requestPath,
      querystring: typeof querystring === 'string' ? querystring : '',
      body: typeof body === 'string' ? body : body === undefined || body === null ? undefined : String(body),
    });
  });
  return {
    client,
    requests,
    async stop() {
      await client.close();
      await es.stop();
      fs.rmSync(dataPath, { recursive: true, force: true });
    },
  };
}
