import { buildAlertEntityGraphInputSchema, type BuildAlertEntityGraphRawInput } from '../../../../common/workflows';
import { AlertNotFoundError } from '../errors';
import { countRequests, startTestEs, type TestEs } from '../test_support/embedded_es';
import { prepareGraphConfig } from './config';
import { buildEntityGraph } from './graph_builder';
import { buildEntityGraphSequentially } from './reference_builder';
import { SeedTimestampError } from './traversal';

const T0 = Date.UTC(2026, 0, 10, 12);
const MIN = 60_000;

function alert(space: string, id: string, minutes: number, fields: Record<string, unknown>) {
  return {
    id,
    doc: {
      '@timestamp': new Date(T0 + minutes * MIN).toISOString(),
      'kibana.alert.uuid': id,
      'kibana.space_ids': [space],
      'kibana.alert.rule.name': `Rule ${id}`,
      'kibana.alert.severity': 'high',
      ...fields,
    },
  };
}

function withoutTimestamp(entry: ReturnType<typeof alert>) {
  const { '@timestamp': _dropped, ...doc } = entry.doc;
  return { id: entry.id, doc };
}

let testEs: TestEs;
beforeAll(async () => {
  testEs = await startTestEs();
}, 60_000);
afterAll(async () => {
  await testEs.stop();
});

const run = (space: string, input: Omit<BuildAlertEntityGraphRawInput, 'alertId'> & { alertId: string }) =>
  buildEntityGraph({
    esClient: testEs.client,
    spaceId: space,
    alertId: input.alertId,
    config: prepareGraphConfig(buildAlertEntityGraphInputSchema.parse(input)),
  });

const runReference = (space: string, input: Omit<BuildAlertEntityGraphRawInput, 'alertId'> & { alertId: string }) =>
  buildEntityGraphSequentially({
    esClient: testEs.client,
    spaceId: space,
    alertId: input.alertId,
    config: prepareGraphConfig(buildAlertEntityGraphInputSchema.parse(input)),
  });

const SPEC_FIELDS = [
  { field: 'host.id', score: 4 },
  { field: 'user.id', score: 4 },
  { field: 'user.name', score: 1 },
];

describe('buildEntityGraph on the embedded engine', () => {
  beforeAll(async () => {
    await testEs.indexAlerts('spec', [
      alert('spec', 'S', 0, { host: { id: 'h-9' }, user: { id: 'u-1' } }),
      alert('spec', 'A', 5, { host: { id: 'h-9' }, user: { id: 'u-1' } }),
      alert('spec', 'B', 10, { host: { id: 'h-9' }, user: { name: 'bob' } }),
      alert('spec', 'N', 20, { user: { name: 'nobody' } }),
      // Carries the seed's values but belongs to another space: never linked.
      alert('other', 'X', 6, { host: { id: 'h-9' }, user: { id: 'u-1' } }),
      alert('spec', 'Y', 6, { host: { id: 'h-9' }, user: { id: 'u-1' }, 'kibana.space_ids': ['other'] }),
      withoutTimestamp(alert('spec', 'BAD', 0, { host: { id: 'h-9' } })),
    ]);
    await testEs.indexAlerts('other', [alert('other', 'X', 6, { host: { id: 'h-9' }, user: { id: 'u-1' } })]);
  });

  it('builds the spec example: A links with score 8, B (score 4) is left out', async () => {
    const counter = countRequests(testEs.client);
    const output = await run('spec', { alertId: 'S', entity_fields: SPEC_FIELDS, min_entity_score: 6 });
    expect(output.nodes).toEqual([{ id: 'S' }, { id: 'A' }]);
    expect(output.edges).toEqual([{ from: 'S', to: 'A', score: 8, label_scores: { host: 4, user: 4 } }]);
    expect(output.alerts[1]).toEqual({
      alert_id: 'A',
      alert_index: '.internal.alerts-security.alerts-spec-000001',
      timestamp: new Date(T0 + 5 * MIN).toISOString(),
      rule_name: 'Rule A',
      severity: 'high',
      why: [
        {
          from: 'S',
          score: 8,
          label_scores: { host: 4, user: 4 },
          matches: [
            { label: 'host', field: 'host.id', matched_field: 'host.id', value: 'h-9', score: 4 },
            { label: 'user', field: 'user.id', matched_field: 'user.id', value: 'u-1', score: 4 },
          ],
        },
      ],
      why_text: 'S (score 8): host.id=h-9, user.id=u-1',
    });
    // Round 1 sends E with the next round's widest L and R slices; A adds no new value, so round 2 (R over the
    // 5 minutes the window grew) is served from the slice fetched ahead: seed + one msearch of three searches.
    expect(output.stats).toEqual({
      depth_reached: 1,
      nodes: 2,
      edges: 1,
      queries: 2,
      searches: 4,
      time_range: { gte: new Date(T0 - 60 * MIN).toISOString(), lte: new Date(T0 + 65 * MIN).toISOString() },
      stop_reason: 'exhausted',
    });
    expect(counter.counts).toEqual({ _search: 1, _msearch: 1 });
  });

  it('explains seed links even when the seed is left out', async () => {
    const output = await run('spec', { alertId: 'S', entity_fields: SPEC_FIELDS, min_entity_score: 6, include_seed: false });
    expect(output.nodes).toEqual([{ id: 'A' }]);
    expect(output.edges).toHaveLength(1);
    expect(output.alerts[0].why_text).toBe('S (score 8): host.id=h-9, user.id=u-1');
  });

  it('fails clearly for an unknown id, an id of another space and a seed without a valid timestamp', async () => {
    await expect(run('spec', { alertId: 'missing' })).rejects.toThrow(new AlertNotFoundError('missing', 'space spec'));
    await expect(run('spec', { alertId: 'X' })).rejects.toThrow('Alert with ID X not found in space spec');
    await expect(run('spec', { alertId: 'Y' })).rejects.toThrow('Alert with ID Y not found in space spec');
    await expect(run('spec', { alertId: 'BAD' })).rejects.toThrow(SeedTimestampError);
  });

  it('returns the seed alone for a seed without entity values', async () => {
    const output = await run('spec', { alertId: 'N', entity_fields: [{ field: 'host.id' }] });
    expect(output.nodes).toEqual([{ id: 'N' }]);
    expect(output.alerts[0]).toMatchObject({ rule_name: 'Rule N', severity: 'high', why: [] });
    const seedTime = new Date(T0 + 20 * MIN).toISOString();
    expect(output.stats).toEqual({
      depth_reached: 0,
      nodes: 1,
      edges: 0,
      queries: 1,
      searches: 1,
      time_range: { gte: seedTime, lte: seedTime },
      stop_reason: 'no_entities',
    });
    const none = await run('spec', { alertId: 'N', entity_fields: [{ field: 'host.id' }], include_seed: false });
    expect(none.nodes).toEqual([]);
  });

  it('returns the seed alone with one query for max_depth 0', async () => {
    const output = await run('spec', { alertId: 'S', entity_fields: SPEC_FIELDS, max_depth: 0, seed_window: '30m' });
    expect(output.nodes).toEqual([{ id: 'S' }]);
    expect(output.stats).toMatchObject({
      queries: 1,
      depth_reached: 0,
      stop_reason: 'max_depth',
      time_range: { gte: new Date(T0 - 30 * MIN).toISOString(), lte: new Date(T0 + 30 * MIN).toISOString() },
    });
  });

  it('links on a single strong field when min_entity_score allows it', async () => {
    const output = await run('spec', { alertId: 'S', entity_fields: [{ field: 'host.id', score: 4 }], min_entity_score: 4 });
    expect(output.nodes).toEqual([{ id: 'S' }, { id: 'A' }, { id: 'B' }]);
  });
});

describe('lateral movement through symmetric IP aliases', () => {
  beforeAll(async () => {
    await testEs.indexAlerts('lateral', [
      alert('lateral', 'L1', 0, { host: { id: 'hostA' }, source: { ip: '10.0.0.1' }, destination: { ip: '10.0.0.2' } }),
      alert('lateral', 'L2', 3, { host: { id: 'hostB' }, 'destination.ip': '10.0.0.1', 'source.ip': '127.0.0.1' }),
      alert('lateral', 'L3', 4, { host: { id: 'hostB' }, process: { entity_id: 'p1' } }),
      alert('lateral', 'L4', 2, { host: { id: 'hostC' }, source: { ip: '127.0.0.1' } }),
    ]);
  });

  it('links B to A when B’s destination.ip is A’s source.ip, and ignores loopback', async () => {
    const output = await run('lateral', {
      alertId: 'L1',
      entity_fields: [
        { field: 'host.id', score: 4 },
        { field: 'source.ip', score: 1, aliases: [{ field: 'destination.ip', score: 4 }] },
      ],
      ignore_entities: [{ field: 'source.ip', values: ['127.0.0.1'] }, { field: 'destination.ip', values: ['127.0.0.1'] }],
      min_entity_score: 4,
    });
    expect(output.nodes.map((n) => n.id)).toEqual(['L1', 'L2', 'L3']);
    expect(output.alerts[1].why_text).toBe('L1 (score 4): destination.ip=10.0.0.1 (as source.ip)');
    expect(output.alerts[2].why_text).toBe('L2 (score 4): host.id=hostB');
    expect(output.stats.depth_reached).toBe(2);
  });
});

/** A small deterministic PRNG so randomised fixtures are reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] };
}

describe('equivalence with the sequential reference on randomised fixtures', () => {
  const FIXTURES = 10;
  const fixtures: Array<{ space: string; seeds: string[]; input: Omit<BuildAlertEntityGraphRawInput, 'alertId'> }> = [];

  beforeAll(async () => {
    for (let f = 0; f < FIXTURES; f++) {
      const r = prng(1000 + f);
      const space = `rnd${f}`;
      const hosts = Array.from({ length: 3 + r.int(6) }, (_, i) => `h${i}`);
      const users = Array.from({ length: 3 + r.int(6) }, (_, i) => `u${i}`);
      const ips = Array.from({ length: 4 + r.int(6) }, (_, i) => `10.0.${f}.${i}`);
      const count = 40 + r.int(60);
      const alerts = Array.from({ length: count }, (_, i) => {
        const fields: Record<string, unknown> = {};
        if (r.next() < 0.8) fields.host = { id: r.pick(hosts), name: `name-${r.pick(hosts)}` };
        if (r.next() < 0.7) fields.user = { id: r.next() < 0.2 ? [r.pick(users), r.pick(users)] : r.pick(users) };
        if (r.next() < 0.5) fields['source.ip'] = r.pick(ips);
        if (r.next() < 0.5) fields.destination = { ip: r.pick(ips) };
        // Some timestamps collide on purpose so the uuid tiebreaker matters.
        const minutes = r.int(16) * 30 - 240 + (r.next() < 0.3 ? 0 : r.int(29));
        return alert(space, `a${String(i).padStart(3, '0')}`, minutes, fields);
      });
      await testEs.indexAlerts(space, alerts);
      fixtures.push({
        space,
        seeds: [0, 1, 2].map(() => r.pick(alerts).id),
        input: {
          entity_fields: [
            { field: 'host.id', score: 1 + r.int(4) },
            { field: 'host.name', score: 1 },
            { field: 'user.id', score: 1 + r.int(4) },
            { field: 'source.ip', score: 1, aliases: [{ field: 'destination.ip', score: 2 + r.int(3) }] },
          ],
          ignore_entities: r.next() < 0.5 ? [{ field: 'user.id', values: [r.pick(users)] }] : [],
          min_entity_score: 1 + r.int(5),
          page_size: 1 + r.int(25),
          max_alerts: 5 + r.int(80),
          max_depth: 1 + r.int(6),
          max_entities_per_field: 1 + r.int(8),
          max_terms_per_query: 1 + r.int(4),
          seed_window: r.pick(['15m', '1h', '2h']),
          expand_window: r.pick(['10m', '1h', '3h']),
          max_queries: 1000,
        },
      });
    }
  }, 120_000);

  it('finds the same nodes, edges, depth and time range with no more round trips', async () => {
    let compared = 0;
    let nonTrivial = 0;
    for (const fixture of fixtures) {
      for (const seed of fixture.seeds) {
        for (const includeSeed of [true, false]) {
          const input = { ...fixture.input, alertId: seed, include_seed: includeSeed };
          const ours = await run(fixture.space, input);
          const reference = await runReference(fixture.space, input);
          const label = `${fixture.space}/${seed}`;
          expect([label, ours.nodes]).toEqual([label, reference.nodes]);
          expect([label, ours.edges]).toEqual([label, reference.edges]);
          expect([label, ours.alerts]).toEqual([label, reference.alerts]);
          expect([label, ours.stats.depth_reached, ours.stats.stop_reason, ours.stats.time_range]).toEqual([
            label,
            reference.stats.depth_reached,
            reference.stats.stop_reason,
            reference.stats.time_range,
          ]);
          expect(ours.stats.queries).toBeLessThanOrEqual(reference.stats.queries);
          compared += 1;
          if (ours.nodes.length > 3) nonTrivial += 1;
        }
      }
    }
    expect(compared).toBe(FIXTURES * 6);
    // The fixtures must exercise real traversals, not only lone seeds.
    expect(nonTrivial).toBeGreaterThan(compared / 3);
  }, 120_000);
});

describe('paging and budgets', () => {
  beforeAll(async () => {
    const alerts = [alert('paging', 'P000', 0, { host: { id: 'shared' } })];
    for (let i = 1; i <= 130; i++) alerts.push(alert('paging', `P${String(i).padStart(3, '0')}`, (i % 50) - 25, { host: { id: 'shared' } }));
    await testEs.indexAlerts('paging', alerts);
  });

  const base = { alertId: 'P000', entity_fields: [{ field: 'host.id', score: 4 }], min_entity_score: 4 };

  it('pages with growing pages and no trailing empty page', async () => {
    const counter = countRequests(testEs.client);
    const output = await run('paging', { ...base, page_size: 40, max_alerts: 1000 });
    expect(output.nodes).toHaveLength(131);
    // Round 1 (E only): pages of 40 (min(40, max(999, 50)), never above page_size): 40, 40, 40, 10 → 4 msearch,
    // the first also carrying the next round's widest L and R slices (both empty, so complete).
    // Round 2: no new entities, the window grew 25 min each way → L and R served from those slices → exhausted.
    expect(output.stats).toMatchObject({ queries: 5, searches: 7, depth_reached: 1, stop_reason: 'exhausted' });
    expect(counter.counts).toEqual({ _search: 1, _msearch: 4 });
    const reference = await runReference('paging', { ...base, page_size: 40, max_alerts: 1000 });
    expect(reference.nodes).toEqual(output.nodes);
    // 1 seed + 4 pages and a trailing empty page for E, then an empty page each for L and R.
    expect(reference.stats.queries).toBe(8);
  });

  it('starts with small pages for small graphs', async () => {
    const output = await run('paging', { ...base, page_size: 1000, max_alerts: 10 });
    expect(output.nodes).toHaveLength(10);
    expect(output.stats).toMatchObject({ queries: 2, stop_reason: 'max_alerts' });
  });

  it('stops at the round-trip budget after processing buffered hits', async () => {
    const output = await run('paging', { ...base, page_size: 10, max_alerts: 1000, max_queries: 3 });
    // 1 seed + 2 msearch pages of 10 hits, then the budget is spent.
    expect(output.stats).toMatchObject({ queries: 3, stop_reason: 'max_queries', depth_reached: 1 });
    expect(output.nodes).toHaveLength(21);
    const one = await run('paging', { ...base, max_queries: 1 });
    expect(one.stats).toMatchObject({ queries: 1, stop_reason: 'max_queries', depth_reached: 0 });
  });
});

describe('time slices fetched ahead', () => {
  beforeAll(async () => {
    // The seed and A share host.id; twelve more alerts of that host sit 61–72 minutes after the seed, beyond round
    // 1's window but inside the slice round 2 adds once A (+30 min) is found.
    const alerts = [alert('ahead', 'S', 0, { host: { id: 'h' } }), alert('ahead', 'A', 30, { host: { id: 'h' } })];
    for (let i = 1; i <= 12; i++) alerts.push(alert('ahead', `Z${String(i).padStart(2, '0')}`, 60 + i, { host: { id: 'h' } }));
    // A new value 125 minutes out: only reachable once Z12 is found.
    alerts.push(alert('ahead', 'W', 125, { host: { id: 'h' }, user: { id: 'late' } }));
    await testEs.indexAlerts('ahead', alerts);
  });

  const input = { alertId: 'S', entity_fields: [{ field: 'host.id', score: 4 }, { field: 'user.id', score: 4 }], min_entity_score: 4, max_depth: 5 };

  it('serves a round from a complete slice and queries when the slice fetched ahead was a full page', async () => {
    const big = await run('ahead', { ...input, page_size: 100 });
    const small = await run('ahead', { ...input, page_size: 5, max_alerts: 1000 });
    const reference = await runReference('ahead', { ...input, page_size: 5, max_alerts: 1000 });
    for (const output of [big, small]) {
      expect(output.nodes).toEqual(reference.nodes);
      expect(output.edges).toEqual(reference.edges);
      expect(output.stats.depth_reached).toBe(reference.stats.depth_reached);
      expect(output.stats.time_range).toEqual(reference.stats.time_range);
    }
    expect(big.nodes.map((n) => n.id)).toEqual(['S', 'A', ...Array.from({ length: 12 }, (_, i) => `Z${String(i + 1).padStart(2, '0')}`), 'W']);
    // Pages of 100: round 2 (the Z alerts, no new value) is served from round 1's right slice; round 3 (the slice up
    // to Z12 + 1 h, which holds W) and round 4 (W's new user.id, nothing more) need a round trip each.
    expect(big.stats).toMatchObject({ depth_reached: 3, queries: 4, stop_reason: 'exhausted' });
    // Pages of 5: the right slice fetched ahead was a full page, so round 2 sends its own R search (and pages it).
    expect(small.stats.queries).toBeGreaterThan(big.stats.queries);
    expect(small.stats.queries).toBeLessThanOrEqual(reference.stats.queries);
  });
});

describe('hits that cannot link are not fetched', () => {
  beforeAll(async () => {
    // 120 alerts of the seed's user on other hosts (score 4 < 6) and one on the seed's host (score 8).
    const alerts = [alert('bound', 'S', 0, { host: { id: 'h' }, user: { id: 'u' } }), alert('bound', 'A', 10, { host: { id: 'h' }, user: { id: 'u' } })];
    for (let i = 0; i < 120; i++) alerts.push(alert('bound', `U${String(i).padStart(3, '0')}`, (i % 50) - 25, { host: { id: `other-${i}` }, user: { id: 'u' } }));
    await testEs.indexAlerts('bound', alerts);
  });

  it('drops them server-side with the link-score bound, so E needs one page', async () => {
    const input = { alertId: 'S', entity_fields: SPEC_FIELDS, min_entity_score: 6, page_size: 40 };
    const output = await run('bound', input);
    const reference = await runReference('bound', input);
    expect(output.nodes).toEqual([{ id: 'S' }, { id: 'A' }]);
    expect(output.nodes).toEqual(reference.nodes);
    expect(output.edges).toEqual(reference.edges);
    // Seed + round 1 (E with one short page) + round 2 served from the slices fetched ahead.
    expect(output.stats).toMatchObject({ depth_reached: 1, queries: 2, stop_reason: 'exhausted' });
    // The reference pages through all 121 hits of round 1 (4 pages of 40 and an empty one), then L and R.
    expect(reference.stats.queries).toBeGreaterThanOrEqual(6);
  });
});
