/** Streams the generated corpus into `.alerts-security.alerts-<space>` with `_bulk`, batch by batch. */
import type { Client } from '@elastic/elasticsearch';
import { alertsAliasName } from '../../platform/plugins/security_solution/common/constants';
import { ensureAlertsIndex } from '../../platform/plugins/security_solution/server/alerts_index';
import { generateSampleAlerts, toEpochMillis } from './generate';
import { GroundTruthCollector, type GroundTruthManifest } from './manifest';

export interface SeedOptions {
  esClient: Client;
  spaceId: string;
  count: number;
  seed: number | string;
  now?: number | string | Date;
  /** Documents per `_bulk` request. */
  batchSize?: number;
  onProgress?: (progress: { indexed: number; total: number }) => void;
}

export interface SeedResult {
  indexed: number;
  ms: number;
  manifest: GroundTruthManifest;
}

interface BulkItemResult {
  error?: { type?: string; reason?: string };
  status?: number;
}

export async function seedSampleData(options: SeedOptions): Promise<SeedResult> {
  const { esClient, spaceId, count, seed } = options;
  const batchSize = options.batchSize ?? 2000;
  const now = toEpochMillis(options.now ?? Date.now());
  const started = Date.now();
  await ensureAlertsIndex(esClient, spaceId);
  const index = alertsAliasName(spaceId);
  const collector = new GroundTruthCollector({ seed, spaceId, now });
  let operations: unknown[] = [];
  let indexed = 0;

  const flush = async (): Promise<void> => {
    if (operations.length === 0) return;
    const res = await esClient.bulk({ operations, refresh: false });
    if (res.errors) {
      const failed = res.items.map((item) => Object.values(item)[0] as BulkItemResult).filter((r) => r.error);
      const first = failed[0]?.error;
      throw new Error(`Bulk indexing into ${index} failed for ${failed.length} documents; first error: ${first?.type}: ${first?.reason}`);
    }
    indexed += operations.length / 2;
    operations = [];
    options.onProgress?.({ indexed, total: count });
  };

  for (const sample of generateSampleAlerts({ count, seed, spaceId, now })) {
    collector.add(sample);
    // `create` so a re-run with the same seed cannot silently overwrite triaged alerts.
    operations.push({ create: { _index: index, _id: sample.id } }, sample.doc);
    if (operations.length >= batchSize * 2) await flush();
  }
  await flush();
  await esClient.indices.refresh({ index });
  return { indexed, ms: Date.now() - started, manifest: collector.toJSON() };
}
