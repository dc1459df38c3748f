import type { BuildAlertEntityGraphOutput, GraphAlert, GraphStopReason } from '../../../../common/workflows';
import { toIso } from './time_window';
import type { TraversalSnapshot } from './traversal';
import { compareStrings, sortedRecord, whyText } from './why';

export interface GraphCounters {
  /** Round trips, the seed lookup included. */
  readonly queries: number;
  /** Search bodies sent. */
  readonly searches: number;
}

/** The step output (triage-steps §4.5): time-ordered alerts and nodes (stable), sorted edges, stats. */
export function buildGraphOutput(
  snapshot: TraversalSnapshot,
  options: { includeSeed: boolean; stopReason: GraphStopReason; counters: GraphCounters },
): BuildAlertEntityGraphOutput {
  const included = snapshot.nodes.filter((node) => options.includeSeed || node.id !== snapshot.seed.id);
  // Array.prototype.sort is stable, so ties keep discovery order (the seed first).
  const ordered = [...included].sort((a, b) => (a.timestampMs ?? 0) - (b.timestampMs ?? 0));
  const alerts: GraphAlert[] = ordered.map((node) => {
    const why = snapshot.why.get(node.id) ?? [];
    return {
      alert_id: node.id,
      alert_index: node.index,
      ...(node.timestampMs === undefined ? {} : { timestamp: toIso(node.timestampMs) }),
      ...(node.ruleName === undefined ? {} : { rule_name: node.ruleName }),
      ...(node.severity === undefined ? {} : { severity: node.severity }),
      why,
      why_text: whyText(why),
    };
  });
  const edges = [...snapshot.edges]
    .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to))
    .map((edge) => ({ from: edge.from, to: edge.to, score: edge.score, label_scores: sortedRecord(edge.labelScores) }));
  return {
    nodes: alerts.map((alert) => ({ id: alert.alert_id })),
    edges,
    alerts,
    stats: {
      depth_reached: snapshot.depthReached,
      nodes: alerts.length,
      edges: edges.length,
      queries: options.counters.queries,
      searches: options.counters.searches,
      time_range: { gte: toIso(snapshot.timeRange.from), lte: toIso(snapshot.timeRange.to) },
      stop_reason: options.stopReason,
    },
  };
}
