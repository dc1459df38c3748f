import type { Client } from '@elastic/elasticsearch';
import { seedSampleData } from './seed_sample_data';

/** Records the calls seedSampleData makes; behaves like an empty cluster. */
function recordingClient(opts: { failItem?: boolean } = {}) {
  const calls: Array<{ api: string; params: Record<string, unknown> }> = [];
  const client = {
    indices: {
      existsAlias: async (params: Record<string, unknown>) => {
        calls.push({ api: 'indices.existsAlias', params });
        return false;
      },
      create: async (params: Record<string, unknown>) => {
        calls.push({ api: 'indices.create', params });
        return { acknowledged: true };
      },
      refresh: async (params: Record<string, unknown>) => {
        calls.push({ api: 'indices.refresh', params });
        return {};
      },
    },
    bulk: async (params: { operations: unknown[] }) => {
      calls.push({ api: 'bulk', params });
      const n = params.operations.length / 2;
      const items = Array.from({ length: n }, (_, i) =>
        opts.failItem && i === 1
          ? { create: { status: 409, error: { type: 'version_conflict_engine_exception', reason: 'document already exists' } } }
          : { create: { status: 201 } },
      );
      return { errors: items.some((it) => 'error' in it.create), items };
    },
  };
  return { client: client as unknown as Client, calls };
}

describe('seedSampleData', () => {
  it('creates the hidden index behind its write alias, bulk-creates in batches, reports progress and refreshes', async () => {
    const { client, calls } = recordingClient();
    const progress: number[] = [];
    const res = await seedSampleData({ esClient: client, spaceId: 'team-a', count: 450, seed: 3, now: Date.UTC(2026, 0, 10), batchSize: 200, onProgress: (p) => progress.push(p.indexed) });
    expect(res.indexed).toBe(450);
    expect(progress).toEqual([200, 400, 450]);
    const create = calls.find((c) => c.api === 'indices.create')?.params;
    expect(create?.index).toBe('.internal.alerts-security.alerts-team-a-000001');
    expect(create?.aliases).toEqual({ '.alerts-security.alerts-team-a': { is_write_index: true, is_hidden: true } });
    expect(create?.settings).toEqual(expect.objectContaining({ 'index.hidden': true }));
    const bulks = calls.filter((c) => c.api === 'bulk').map((c) => c.params.operations as Array<Record<string, unknown>>);
    expect(bulks.map((ops) => ops.length / 2)).toEqual([200, 200, 50]);
    const action = bulks[0]?.[0] as { create: { _index: string; _id: string } };
    const doc = bulks[0]?.[1] as Record<string, unknown>;
    expect(action.create._index).toBe('.alerts-security.alerts-team-a');
    expect(action.create._id).toBe(doc['kibana.alert.uuid']);
    expect(doc['kibana.space_ids']).toEqual(['team-a']);
    expect(calls[calls.length - 1]).toEqual({ api: 'indices.refresh', params: { index: '.alerts-security.alerts-team-a' } });
    expect(res.manifest.count).toBe(450);
    expect(res.manifest.space_id).toBe('team-a');
  });

  it('fails with the first item error when a bulk item is rejected', async () => {
    const { client } = recordingClient({ failItem: true });
    await expect(seedSampleData({ esClient: client, spaceId: 'default', count: 300, seed: 1, now: Date.UTC(2026, 0, 10) })).rejects.toThrow(
      /failed for 1 documents; first error: version_conflict_engine_exception: document already exists/,
    );
  });
});
