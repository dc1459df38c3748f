/**
 * Positions of the related-alert graph for @xyflow/react: the seed in the first column, each alert in the column of
 * its shortest link distance from the seed, edges labelled with the entities that linked the two alerts.
 */
import type { RelatedGraphResponse } from '../../common/api/triage';

export interface LayoutNode {
  id: string;
  position: { x: number; y: number };
  data: { label: string; severity?: string; ruleName?: string; timestamp?: string; isSeed: boolean };
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  score: number;
}

export const COLUMN_WIDTH = 260;
export const ROW_HEIGHT = 90;

const MAX_VALUE_CHARS = 24;

const shorten = (value: string) => (value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS - 1)}…` : value);

/**
 * The entities that linked `to` to `from`, short enough to sit on an edge: one `field=value` per entity label (its
 * best-scoring match; alias matches show the other alert's field), at most `maxLabels`, then `+N` more labels.
 */
export function edgeLabel(graph: RelatedGraphResponse, from: string, to: string, maxLabels = 2): string {
  const why = graph.alerts.find((a) => a.alert_id === to)?.why.find((w) => w.from === from);
  if (!why) return '';
  const best = new Map<string, (typeof why.matches)[number]>();
  for (const m of why.matches) {
    const current = best.get(m.label);
    if (!current || m.score > current.score) best.set(m.label, m);
  }
  const parts = [...best.values()].map((m) => `${m.field}=${shorten(m.value)}${m.field === m.matched_field ? '' : ` (as ${m.matched_field})`}`);
  return parts.length > maxLabels ? `${parts.slice(0, maxLabels).join(', ')} +${parts.length - maxLabels}` : parts.join(', ');
}

export function layoutGraph(graph: RelatedGraphResponse, seedId: string): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const e of graph.edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  // Breadth-first distance from the seed; alerts not reachable go to a last column.
  const depth = new Map<string, number>([[seedId, 0]]);
  const queue = [seedId];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const next of neighbours.get(current) ?? []) {
      if (depth.has(next)) continue;
      depth.set(next, (depth.get(current) ?? 0) + 1);
      queue.push(next);
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  const rows = new Map<number, number>();
  const nodes = graph.alerts.map((alert): LayoutNode => {
    const column = depth.get(alert.alert_id) ?? maxDepth + 1;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return {
      id: alert.alert_id,
      position: { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT },
      data: {
        label: alert.rule_name ?? alert.alert_id,
        severity: alert.severity,
        ruleName: alert.rule_name,
        timestamp: alert.timestamp,
        isSeed: alert.alert_id === seedId,
      },
    };
  });
  const present = new Set(nodes.map((n) => n.id));
  const edges = graph.edges
    .filter((e) => present.has(e.from) && present.has(e.to))
    .map((e): LayoutEdge => ({ id: `${e.from}->${e.to}`, source: e.from, target: e.to, label: edgeLabel(graph, e.from, e.to), score: e.score }));
  return { nodes, edges };
}

/** Node colours by `kibana.alert.severity` (EUI's severity palette). */
export function severityColor(severity: string | undefined): string {
  switch (severity) {
    case 'critical':
      return '#BD271E';
    case 'high':
      return '#E7664C';
    case 'medium':
      return '#D6BF57';
    case 'low':
      return '#54B399';
    default:
      return '#98A2B3';
  }
}
