export {
  buildAlertEntityGraphInputSchema,
  buildAlertEntityGraphOutputSchema,
  entityFieldSchema,
  entityAliasSchema,
  ignoreEntitySchema,
  graphAlertSchema,
  graphEdgeSchema,
  graphWhySchema,
  graphMatchSchema,
  graphStatsSchema,
  DEFAULT_ENTITY_FIELDS,
  GRAPH_DEFAULTS,
  GRAPH_STOP_REASONS,
  MAX_PAGE_SIZE,
  MAX_QUERY_BUDGET,
  TIME_WINDOW_PATTERN,
} from './schema';
export type {
  BuildAlertEntityGraphInput,
  BuildAlertEntityGraphRawInput,
  BuildAlertEntityGraphOutput,
  EntityFieldInput,
  GraphAlert,
  GraphEdge,
  GraphWhy,
  GraphMatch,
  GraphStats,
  GraphStopReason,
} from './schema';
export { buildAlertEntityGraphCommonDefinition } from './definition';
export { TRIAGE_GRAPH_ENTITY_FIELDS, TRIAGE_GRAPH_IGNORE_ENTITIES, TRIAGE_GRAPH_LIMITS } from './triage_entities';
