import { DocColumns, alertJson, bulkBody } from './es_docs';
import { benchQueries } from './es_queries';
import { peakRssBytes, percentile } from './stats';
import { cpuSecondsFromStat } from './es_proc';

describe('bench statistics', () => {
  it('computes nearest-rank percentiles', () => {
    const samples = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile([3], 50)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });

  it('reads VmHWM from /proc status text', () => {
    expect(peakRssBytes('Name:\tnode\nVmHWM:\t  123456 kB\nVmRSS:\t 1 kB\n')).toBe(123456 * 1024);
    expect(peakRssBytes('Name: node\n')).toBeUndefined();
  });
});

describe('synthetic alerts and the brute-force baseline', () => {
  const size = 3000;
  const columns = new DocColumns(size);
  const docs = Array.from({ length: size }, (_, n) => JSON.parse(alertJson(n, columns)) as Record<string, string | number>);

  it('generates ~350-byte alert documents deterministically', () => {
    const average = docs.reduce((sum, _d, n) => sum + alertJson(n).length, 0) / size;
    expect(average).toBeGreaterThan(300);
    expect(average).toBeLessThan(420);
    expect(alertJson(42)).toBe(alertJson(42));
    const body = bulkBody('i', 0, 2);
    expect(body.split('\n')).toHaveLength(5);
    expect(body.endsWith('\n')).toBe(true);
  });

  it('column scans agree with evaluating each query on the parsed documents', () => {
    const queries = benchQueries(size);
    for (const k of [0, 1, 5]) {
      const term = queries[0].body(k, true).query as { term: Record<string, string> };
      const host = term.term['host.name'];
      expect(queries[0].scan(columns, k)).toBe(docs.filter((d) => d['host.name'] === host).length);

      const terms = queries[1].body(k, true).query as { terms: Record<string, string[]> };
      const users = new Set(terms.terms['user.name']);
      expect(users.size).toBe(50);
      expect(queries[1].scan(columns, k)).toBe(docs.filter((d) => users.has(String(d['user.name']))).length);

      const bool = queries[2].body(k, true).query as { bool: { filter: [{ range: Record<string, { gte: string; lt: string }> }, unknown] } };
      const { gte, lt } = bool.bool.filter[0].range['@timestamp'];
      const expected = docs.filter((d) => {
        const t = Date.parse(String(d['@timestamp']));
        return t >= Date.parse(gte) && t < Date.parse(lt) && ['high', 'critical'].includes(String(d['kibana.alert.severity']));
      }).length;
      expect(queries[2].scan(columns, k)).toBe(expected);
    }
    const buckets = queries[3].scan(columns, 0) as { key: string; doc_count: number; hosts: number }[];
    expect(buckets).toHaveLength(10);
    const first = buckets[0];
    const ruleDocs = docs.filter((d) => d['kibana.alert.rule.name'] === first.key);
    expect(first.doc_count).toBe(ruleDocs.length);
    expect(first.hosts).toBe(new Set(ruleDocs.map((d) => d['host.name'])).size);
    expect(buckets.every((b, i) => i === 0 || buckets[i - 1].doc_count >= b.doc_count)).toBe(true);
  });
});

describe('engine CPU time', () => {
  it('reads utime + stime after the parenthesised command name', () => {
    const stat = '4242 (node engine.js) S 1 4242 4242 0 -1 4194304 100 0 0 0 1234 56 0 0 20 0 11 0 100 1000 100';
    expect(cpuSecondsFromStat(stat)).toBeCloseTo(12.9, 6);
    expect(cpuSecondsFromStat('garbage')).toBeUndefined();
    expect(cpuSecondsFromStat('1 (x) S 1')).toBeUndefined();
  });
});
