import { type DocColumns, SEVERITIES, TIME_START, TIME_STEP_MS, hostName, ruleName, userName } from './es_docs';

/**
 * The measured queries: each has a request body for the engine and a brute-force JS equivalent over
 * the same documents, returning the same numbers (total hits, or agg buckets) for a correctness check.
 */
export interface BenchQuery {
  name: string;
  /** Request body for variant `k` (values rotate so caches cannot answer every run). */
  body(k: number, exactTotals: boolean): Record<string, unknown>;
  /** The comparable result of variant `k` by scanning the columns. */
  scan(columns: DocColumns, k: number): unknown;
  /** The comparable result from the engine's response. */
  fromResponse(response: Record<string, unknown>): unknown;
}

function totalOf(response: Record<string, unknown>): unknown {
  const hits = response.hits as { total?: { value?: number } } | undefined;
  return hits?.total?.value;
}

const USERS_PER_TERMS = 50;

function termsUsers(k: number): number[] {
  return Array.from({ length: USERS_PER_TERMS }, (_, i) => (k * 7 + i * 9) % 500);
}

/** A 3-day window that moves with k, inside the generated timeline. */
function window(k: number, docCount: number): [number, number] {
  const days = 3 * 86_400_000;
  const span = Math.max(1, docCount * TIME_STEP_MS - days);
  const from = TIME_START + ((k * 86_400_000) % span);
  return [from, from + days];
}

export function benchQueries(docCount: number): BenchQuery[] {
  return [
    {
      name: 'term (keyword, size 10)',
      body: (k, exact) => ({ query: { term: { 'host.name': hostName(k % 200) } }, size: 10, ...(exact ? { track_total_hits: true } : {}) }),
      scan: (c, k) => {
        const host = k % 200;
        let count = 0;
        for (let i = 0; i < c.size; i++) if (c.host[i] === host) count++;
        return count;
      },
      fromResponse: totalOf,
    },
    {
      name: 'terms (50 values)',
      body: (k, exact) => ({ query: { terms: { 'user.name': termsUsers(k).map(userName) } }, size: 10, ...(exact ? { track_total_hits: true } : {}) }),
      scan: (c, k) => {
        const wanted = new Uint8Array(500);
        for (const u of termsUsers(k)) wanted[u] = 1;
        let count = 0;
        for (let i = 0; i < c.size; i++) if (wanted[c.user[i]] === 1) count++;
        return count;
      },
      fromResponse: totalOf,
    },
    {
      name: 'bool range + terms',
      body: (k, exact) => {
        const [from, to] = window(k, docCount);
        return {
          query: {
            bool: {
              filter: [
                { range: { '@timestamp': { gte: new Date(from).toISOString(), lt: new Date(to).toISOString() } } },
                { terms: { 'kibana.alert.severity': ['high', 'critical'] } },
              ],
            },
          },
          size: 10,
          ...(exact ? { track_total_hits: true } : {}),
        };
      },
      scan: (c, k) => {
        const [from, to] = window(k, c.size);
        const high = SEVERITIES.indexOf('high');
        const critical = SEVERITIES.indexOf('critical');
        let count = 0;
        for (let i = 0; i < c.size; i++) {
          const t = c.timestamp[i];
          if (t >= from && t < to && (c.severity[i] === high || c.severity[i] === critical)) count++;
        }
        return count;
      },
      fromResponse: totalOf,
    },
    {
      name: 'terms + cardinality agg (size 0)',
      body: () => ({
        size: 0,
        aggs: { rules: { terms: { field: 'kibana.alert.rule.name', size: 10 }, aggs: { hosts: { cardinality: { field: 'host.name' } } } } },
      }),
      scan: (c) => {
        const counts = new Map<number, number>();
        const hosts = new Map<number, Set<number>>();
        for (let i = 0; i < c.size; i++) {
          const rule = c.rule[i];
          counts.set(rule, (counts.get(rule) ?? 0) + 1);
          let set = hosts.get(rule);
          if (set === undefined) hosts.set(rule, (set = new Set()));
          set.add(c.host[i]);
        }
        return [...counts.entries()]
          .map(([rule, count]) => ({ key: ruleName(rule), doc_count: count, hosts: hosts.get(rule)?.size ?? 0 }))
          .sort((a, b) => b.doc_count - a.doc_count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
          .slice(0, 10);
      },
      fromResponse: (response) => {
        const aggs = response.aggregations as { rules?: { buckets?: { key: string; doc_count: number; hosts: { value: number } }[] } } | undefined;
        return (aggs?.rules?.buckets ?? []).map((b) => ({ key: b.key, doc_count: b.doc_count, hosts: b.hosts.value }));
      },
    },
  ];
}
