import type { RelatedGraphResponse } from '../../common/api/triage';
import { COLUMN_WIDTH, edgeLabel, layoutGraph, severityColor } from './graph_layout';

const why = (from: string, matches: Array<[string, string, string]>) => ({
  from,
  score: 8,
  label_scores: {},
  matches: matches.map(([field, value, matched]) => ({ label: field.split('.')[0], field, matched_field: matched, value, score: 4 })),
});

const graph: RelatedGraphResponse = {
  nodes: [{ id: 's' }, { id: 'a' }, { id: 'b' }, { id: 'c' }],
  edges: [
    { from: 's', to: 'a', score: 8, label_scores: {} },
    { from: 'a', to: 'b', score: 6, label_scores: {} },
  ],
  alerts: [
    { alert_id: 's', alert_index: 'i', severity: 'critical', rule_name: 'Seed rule', why: [], why_text: '' },
    { alert_id: 'a', alert_index: 'i', severity: 'low', why: [why('s', [['host.id', 'h1', 'host.id'], ['source.ip', '10.0.0.1', 'destination.ip']])], why_text: 'x' },
    { alert_id: 'b', alert_index: 'i', severity: 'high', why: [why('a', [['user.id', 'u1', 'user.id'], ['user.id', 'u1', 'user.id']])], why_text: 'y' },
    { alert_id: 'c', alert_index: 'i', why: [], why_text: '' },
  ],
  stats: { depth_reached: 2, nodes: 4, edges: 2, queries: 3, searches: 3, time_range: { gte: 'a', lte: 'b' }, stop_reason: 'exhausted' },
};

describe('layoutGraph', () => {
  it('puts each alert in the column of its distance from the seed and marks the seed', () => {
    const { nodes } = layoutGraph(graph, 's');
    const x = Object.fromEntries(nodes.map((n) => [n.id, n.position.x]));
    expect(x).toEqual({ s: 0, a: COLUMN_WIDTH, b: 2 * COLUMN_WIDTH, c: 3 * COLUMN_WIDTH });
    expect(nodes.filter((n) => n.data.isSeed).map((n) => n.id)).toEqual(['s']);
    expect(nodes[0].data).toMatchObject({ label: 'Seed rule', severity: 'critical' });
    expect(nodes[1].data.label).toBe('a');
  });

  it('labels edges with the matched entities of the link', () => {
    const { edges } = layoutGraph(graph, 's');
    expect(edges).toEqual([
      { id: 's->a', source: 's', target: 'a', score: 8, label: 'host.id=h1, source.ip=10.0.0.1 (as destination.ip)' },
      { id: 'a->b', source: 'a', target: 'b', score: 6, label: 'user.id=u1' },
    ]);
    expect(edgeLabel(graph, 'b', 'a')).toBe('');
  });

  it('shortens long labels: one match per entity label, two labels, long values cut', () => {
    const withWhy = (w: ReturnType<typeof why>) => ({ ...graph, alerts: graph.alerts.map((a) => (a.alert_id === 'a' ? { ...a, why: [w] } : a)) });
    const many = withWhy(why('s', [['f1', '1', 'f1'], ['f2', '2', 'f2'], ['f3', '3', 'f3'], ['f4', '4', 'f4']]));
    expect(edgeLabel(many, 's', 'a')).toBe('f1=1, f2=2 +2');
    expect(edgeLabel(many, 's', 'a', 4)).toBe('f1=1, f2=2, f3=3, f4=4');
    // host.hostname, host.id and host.name are one label: its best-scoring match stands for it.
    const host = why('s', [['host.hostname', 'srv-file-35', 'host.hostname'], ['host.id', '334e1eeb5d92a651fc78afaf62046309', 'host.id'], ['host.name', 'srv-file-35', 'host.name']]);
    host.matches[1].score = 6;
    expect(edgeLabel(withWhy(host), 's', 'a')).toBe('host.id=334e1eeb5d92a651fc78afa…');
    expect(edgeLabel(withWhy(host), 's', 'a')).toHaveLength('host.id='.length + 24);
  });

  it('colours by severity', () => {
    expect(new Set(['critical', 'high', 'medium', 'low', undefined].map(severityColor)).size).toBe(5);
  });
});
