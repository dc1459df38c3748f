import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { startEmbeddedElasticsearch, type EmbeddedElasticsearch } from '../../../../platform/elasticsearch';
import { alertsAliasName, alertsIndexName } from '../../../../platform/plugins/security_solution/common/constants';
import { ensureAlertsIndex } from '../../../../platform/plugins/security_solution/server/alerts_index';

/** Test support: the real embedded Elasticsearch engine on a random loopback port with a temp data dir. */
export interface TestEs {
  readonly client: Client;
  readonly es: EmbeddedElasticsearch;
  /** Creates the space's alerts index and indexes alerts (each with `_id` = `kibana.alert.uuid`), refreshed. */
  indexAlerts(spaceId: string, alerts: ReadonlyArray<{ id: string; doc: Record<string, unknown> }>): Promise<void>;
  stop(): Promise<void>;
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function startTestEs(): Promise<TestEs> {
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-steps-es-'));
  const es = await startEmbeddedElasticsearch({ port: 0, host: '127.0.0.1', dataPath, logger: silent });
  const client = new Client({ node: es.url });
  return {
    client,
    es,
    async indexAlerts(spaceId, alerts) {
      await ensureAlertsIndex(client, spaceId);
      const operations: unknown[] = [];
      for (const alert of alerts) operations.push({ index: { _index: alertsIndexName(spaceId), _id: alert.id } }, alert.doc);
      if (operations.length > 0) {
        const result = await client.bulk({ operations, refresh: true });
        if (result.errors) throw new Error(`bulk failed: ${JSON.stringify(result.items.find((i) => Object.values(i)[0]?.error))}`);
      }
      await client.indices.refresh({ index: alertsAliasName(spaceId) });
    },
    async stop() {
      await client.close();
      await es.stop();
      fs.rmSync(dataPath, { recursive: true, force: true });
    },
  };
}

/** Counts the requests a client sends, by path kind, for round-trip assertions. */
export function countRequests(client: Client): { counts: Record<string, number>; reset(): void } {
  const counts: Record<string, number> = {};
  client.diagnostic.on('request', (error, event) => {
    if (error !== null || event === null) return;
    const requestPath = event.meta.request.params.path;
    const kind = requestPath.split('/').filter((p) => p.startsWith('_'))[0] ?? requestPath;
    counts[kind] = (counts[kind] ?? 0) + 1;
  });
  return {
    counts,
    reset() {
      for (const key of Object.keys(counts)) delete counts[key];
    },
  };
}
