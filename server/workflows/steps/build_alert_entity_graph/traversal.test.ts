import { buildGraphOutput } from './output';
import { configFor } from './test_helpers';
import { EntityGraphTraversal, SeedTimestampError, type GraphHit, type RoundPlan, type SubSearchPlan } from './traversal';

const T0 = Date.UTC(2026, 0, 1, 12);
const MIN = 60_000;
const hit = (id: string, minutes: number, fields: Record<string, unknown>): GraphHit & { _id: string } => ({
  _id: id,
  _index: '.internal.alerts-security.alerts-default-000001',
  _source: { '@timestamp': new Date(T0 + minutes * MIN).toISOString(), 'kibana.alert.rule.name': `rule ${id}`, ...fields },
});

const config = configFor({
  entity_fields: [
    { field: 'host.id', score: 4 },
    { field: 'user.id', score: 4 },
    { field: 'user.name', score: 1 },
  ],
  min_entity_score: 6,
  seed_window: '1h',
  expand_window: '1h',
});

const planOf = (result: RoundPlan | { end: string }): RoundPlan => {
  if ('end' in result) throw new Error(`round ended: ${result.end}`);
  return result;
};
const sub = (plan: RoundPlan, kind: SubSearchPlan['kind']): SubSearchPlan => {
  const found = plan.subSearches.find((s) => s.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} sub-search`);
  return found;
};

describe('EntityGraphTraversal', () => {
  it('links the spec example: A scores 8, B scores 4 and is neither returned nor seen', () => {
    const seed = hit('S', 0, { host: { id: 'h-9' }, user: { id: 'u-1' } });
    const t = new EntityGraphTraversal(config, seed);
    const plan = planOf(t.beginRound(1));
    expect(plan.subSearches.map((s) => s.kind)).toEqual(['E']);
    expect(sub(plan, 'E').clauses).toEqual([{ terms: { 'host.id': ['h-9'] } }, { terms: { 'user.id': ['u-1'] } }]);
    expect(t.accept(hit('A', 5, { host: { id: 'h-9' }, user: { id: 'u-1' } }), sub(plan, 'E'))).toBe(true);
    expect(t.accept(hit('B', 10, { host: { id: 'h-9' }, user: { name: 'bob' } }), sub(plan, 'E'))).toBe(false);
    expect(t.seenIds()).toEqual(['S', 'A']);
    expect(t.endRound()).toBeUndefined();

    const out = buildGraphOutput(t.snapshot(), { includeSeed: true, stopReason: 'exhausted', counters: { queries: 2, searches: 2 } });
    expect(out.alerts[1]).toMatchObject({ alert_id: 'A', why_text: 'S (score 8): host.id=h-9, user.id=u-1', rule_name: 'rule A' });
    expect(out.edges).toEqual([{ from: 'S', to: 'A', score: 8, label_scores: { host: 4, user: 4 } }]);
  });

  it('links E hits only to the frontier snapshot and L/R hits to every node, live', () => {
    const seed = hit('S', 0, { host: { id: 'h1' }, user: { id: 'u1' } });
    const t = new EntityGraphTraversal(config, seed);
    let plan = planOf(t.beginRound(1));
    t.accept(hit('A', -50, { host: { id: 'h1' }, user: { id: 'u2' }, 'user.name': 'x' }), sub(plan, 'E'));
    expect(t.seenIds()).toEqual(['S']); // 4 + 1 < 6 would need user.name on S too
    t.accept(hit('A2', -50, { host: { id: 'h1' }, user: { id: ['u1', 'u2'] } }), sub(plan, 'E'));
    t.endRound();

    // Round 2: A2 at -50 min widens the window to the left; E searches A2's new value with candidates {A2} only.
    plan = planOf(t.beginRound(2));
    expect(plan.subSearches.map((s) => s.kind)).toEqual(['E', 'L']);
    expect(sub(plan, 'E').clauses).toEqual([{ terms: { 'user.id': ['u2'] } }]);
    expect(sub(plan, 'L').span).toEqual({ from: T0 - 110 * MIN, to: T0 - 60 * MIN });
    expect([...sub(plan, 'E').candidates]).toEqual(['A2']);
    const c = hit('C', 30, { host: { id: 'h1' }, user: { id: 'u1' } });
    expect(t.accept(c, sub(plan, 'E'))).toBe(true); // A2 carries the same values
    const d = hit('D', -100, { host: { id: 'h7' }, user: { id: 'u7' } });
    expect(t.accept(d, sub(plan, 'L'))).toBe(false);
    // L's candidates are live: an alert linked earlier in this round can parent an L hit.
    const e = hit('E', -90, { host: { id: 'h1' }, user: { id: 'u1' } });
    expect(t.accept(e, sub(plan, 'L'))).toBe(true);
    expect(t.endRound()).toBeUndefined();
    const out = buildGraphOutput(t.snapshot(), { includeSeed: true, stopReason: 'max_depth', counters: { queries: 3, searches: 4 } });
    expect(out.nodes.map((n) => n.id)).toEqual(['E', 'A2', 'S', 'C']);
    expect(out.alerts.find((a) => a.alert_id === 'E')?.why.map((w) => w.from)).toEqual(['A2', 'C', 'S']);
    expect(out.stats.depth_reached).toBe(2);
  });

  it('does not let E link to the seed after round 1 (frontier snapshot)', () => {
    const t = new EntityGraphTraversal(config, hit('S', 0, { host: { id: 'h1' }, user: { id: 'u1' } }));
    let plan = planOf(t.beginRound(1));
    t.accept(hit('A', 10, { host: { id: 'h2' }, user: { id: 'u1' }, 'user.name': 'n' }), sub(plan, 'E'));
    t.accept(hit('A', 10, { host: { id: 'h1' }, user: { id: ['u1', 'u3'] } }), sub(plan, 'E'));
    t.endRound();
    plan = planOf(t.beginRound(2));
    const s2 = hit('S2', 20, { host: { id: 'h1' }, user: { id: 'u1' } });
    expect(t.accept({ ...s2, _source: { ...s2._source, 'host.id': 'h1', user: { id: 'u1' } } }, sub(plan, 'E'))).toBe(true);
    expect([...sub(plan, 'E').candidates]).toEqual(['A']);
  });

  it('skips hits without id and already seen hits', () => {
    const t = new EntityGraphTraversal(config, hit('S', 0, { host: { id: 'h1' }, user: { id: 'u1' } }));
    const plan = planOf(t.beginRound(1));
    expect(t.accept({ _index: 'i', _source: { host: { id: 'h1' }, user: { id: 'u1' } } }, sub(plan, 'E'))).toBe(false);
    expect(t.accept(hit('S', 0, { host: { id: 'h1' }, user: { id: 'u1' } }), sub(plan, 'E'))).toBe(false);
  });

  it('ends exhausted when a round finds nothing new, keeping depth_reached', () => {
    const t = new EntityGraphTraversal(config, hit('S', 0, { host: { id: 'h1' }, user: { id: 'u1' } }));
    planOf(t.beginRound(1));
    expect(t.endRound()).toBe('exhausted');
    expect(t.snapshot().depthReached).toBe(0);
  });

  it('stops at max_alerts counting the seed', () => {
    const t = new EntityGraphTraversal(configFor({ ...{ entity_fields: [{ field: 'host.id', score: 4 }] }, max_alerts: 2 }), hit('S', 0, { host: { id: 'h' } }));
    const plan = planOf(t.beginRound(1));
    expect(t.stop()).toBe(false);
    t.accept(hit('A', 1, { host: { id: 'h' } }), sub(plan, 'E'));
    expect(t.stop()).toBe(true);
  });

  it('reports a seed without entities and rejects a seed without a valid timestamp', () => {
    const t = new EntityGraphTraversal(config, hit('S', 0, { user: { name: 'only-weak' }, host: { name: 'x' } }));
    expect(t.seedHasEntities).toBe(true);
    const none = new EntityGraphTraversal(config, hit('S', 0, {}));
    expect(none.seedHasEntities).toBe(false);
    expect(none.snapshot().timeRange).toEqual({ from: T0, to: T0 });
    expect(() => new EntityGraphTraversal(config, { _id: 'X', _index: 'i', _source: { '@timestamp': 'nope' } })).toThrow(
      new SeedTimestampError('X'),
    );
  });

  it('plans only L/R sub-searches when the frontier has no new entities but the window grows', () => {
    const cfg = configFor({ entity_fields: [{ field: 'host.id', score: 4 }], min_entity_score: 4, max_entities_per_field: 1 });
    const t = new EntityGraphTraversal(cfg, hit('S', 0, { host: { id: 'h' } }));
    const plan = planOf(t.beginRound(1));
    t.accept(hit('A', 50, { host: { id: ['h', 'h2'] } }), sub(plan, 'E'));
    t.endRound();
    const next = planOf(t.beginRound(2));
    expect(next.subSearches.map((s) => s.kind)).toEqual(['R']);
    expect(sub(next, 'R').clauses).toEqual([{ terms: { 'host.id': ['h'] } }]);
  });
});

describe('buildGraphOutput', () => {
  it('orders alerts by time (missing = 0) stably, drops the seed when asked but keeps its edges', () => {
    const cfg = configFor({ entity_fields: [{ field: 'host.id', score: 4 }], min_entity_score: 4 });
    const t = new EntityGraphTraversal(cfg, hit('S', 0, { host: { id: 'h' } }));
    const plan = planOf(t.beginRound(1));
    t.accept(hit('B', 10, { host: { id: 'h' } }), sub(plan, 'E'));
    t.accept({ _id: 'N', _index: 'i', _source: { host: { id: 'h' } } }, sub(plan, 'E'));
    t.accept(hit('A', 10, { host: { id: 'h' } }), sub(plan, 'E'));
    t.endRound();
    const withSeed = buildGraphOutput(t.snapshot(), { includeSeed: true, stopReason: 'max_depth', counters: { queries: 2, searches: 2 } });
    expect(withSeed.nodes.map((n) => n.id)).toEqual(['N', 'S', 'B', 'A']);
    expect(withSeed.alerts[0]).not.toHaveProperty('timestamp');
    expect(withSeed.alerts[1]).toMatchObject({ alert_id: 'S', why: [], why_text: '' });
    const without = buildGraphOutput(t.snapshot(), { includeSeed: false, stopReason: 'max_depth', counters: { queries: 2, searches: 2 } });
    expect(without.nodes.map((n) => n.id)).toEqual(['N', 'B', 'A']);
    expect(without.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['S>A', 'S>B', 'S>N']);
    expect(without.alerts[2].why_text).toBe('S (score 4): host.id=h');
    expect(without.stats).toMatchObject({ nodes: 3, edges: 3, depth_reached: 1, queries: 2, searches: 2, stop_reason: 'max_depth' });
    expect(without.stats.time_range).toEqual({ gte: new Date(T0 - 3_600_000).toISOString(), lte: new Date(T0 + 3_600_000).toISOString() });
  });
});
