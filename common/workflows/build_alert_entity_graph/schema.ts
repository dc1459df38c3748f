import { z } from 'zod/v4';
import { coercedNumber, finiteNumber } from '../schema_helpers';

export const DEFAULT_ENTITY_FIELDS = [{ field: 'host.name' }, { field: 'user.name' }, { field: 'service.name' }];

export const GRAPH_DEFAULTS = {
  seed_window: '1h',
  expand_window: '1h',
  max_depth: 3,
  max_alerts: 300,
  page_size: 200,
  max_terms_per_query: 500,
  max_entities_per_field: 200,
  min_entity_score: 2,
  include_seed: true,
  max_queries: 100,
} as const;

export const MAX_PAGE_SIZE = 1000;
export const MAX_QUERY_BUDGET = 1000;

const score = () =>
  coercedNumber(finiteNumber().min(0))
    .optional()
    .describe('Score of a match on this field; the largest configured score of a field wins. Default 1.');

export const entityAliasSchema = z.object({
  field: z.string().min(1).describe('A field holding the same kind of value, e.g. `destination.ip` for `source.ip`.'),
  score: score().describe('Score of a match through this alias; defaults to the alias field score, then 1.'),
});

export const entityFieldSchema = z.object({
  field: z.string().min(1).describe('Alert field whose values link alerts, e.g. `host.id`.'),
  score: score(),
  aliases: z
    .array(entityAliasSchema)
    .optional()
    .describe('Fields matched against this one; aliases are symmetric (`a → b` implies `b → a`).'),
});
export type EntityFieldInput = z.infer<typeof entityFieldSchema>;

export const ignoreEntitySchema = z.object({
  field: z.string().min(1),
  values: z.array(z.string()).describe('Exact, case-sensitive values of `field` that never link alerts.'),
});

const positiveInt = (description: string, fallback: number, max?: number) => {
  const base = finiteNumber().int().min(1);
  return coercedNumber(max === undefined ? base : base.max(max))
    .default(fallback)
    .describe(description);
};

export const TIME_WINDOW_PATTERN = /^(\d+)([smhd])$/;

export const buildAlertEntityGraphInputSchema = z.object({
  alertId: z.string().min(1).describe('Id of the seed alert.'),
  alertIndex: z
    .string()
    .min(1)
    .optional()
    .describe(
      "Checked against the space's alerts indices and rejected if outside them. Searches always use the space's " +
        'alerts alias.',
    ),
  entity_fields: z
    .array(entityFieldSchema)
    .default(DEFAULT_ENTITY_FIELDS)
    .describe(
      'Fields whose values link alerts, with scores and aliases. Fields sharing a first dot segment (`host.id`, ' +
        '`host.name`) form one label, counted once at its best score. Default: host.name, user.name, service.name.',
    ),
  seed_window: z
    .string()
    .default(GRAPH_DEFAULTS.seed_window)
    .describe('Initial window around the seed time: `<n>s|m|h|d`. Anything else means 1h, with a warning.'),
  expand_window: z
    .string()
    .default(GRAPH_DEFAULTS.expand_window)
    .describe('How far each round widens the window beyond the alerts found: `<n>s|m|h|d`. Anything else means 1h.'),
  max_depth: coercedNumber(finiteNumber().int().min(0))
    .default(GRAPH_DEFAULTS.max_depth)
    .describe('Maximum number of BFS rounds (0 returns the seed alone).'),
  max_alerts: positiveInt('Maximum number of alerts in the graph, the seed included.', GRAPH_DEFAULTS.max_alerts),
  page_size: positiveInt(
    `Largest page of a search (1..${MAX_PAGE_SIZE}).`,
    GRAPH_DEFAULTS.page_size,
    MAX_PAGE_SIZE,
  ),
  max_terms_per_query: positiveInt(
    'Largest number of values in one terms clause; longer lists are split.',
    GRAPH_DEFAULTS.max_terms_per_query,
  ),
  max_entities_per_field: positiveInt(
    'Largest number of distinct values remembered per field.',
    GRAPH_DEFAULTS.max_entities_per_field,
  ),
  ignore_entities: z
    .array(ignoreEntitySchema)
    .default([])
    .describe('Values never used to link alerts (alerts carrying them are still found through other entities).'),
  min_entity_score: coercedNumber(finiteNumber().min(1))
    .default(GRAPH_DEFAULTS.min_entity_score)
    .describe('Smallest summed label score that links an alert to a parent.'),
  include_seed: z.boolean().default(GRAPH_DEFAULTS.include_seed).describe('Whether the seed is part of the output.'),
  max_queries: positiveInt(
    `Budget of Elasticsearch round trips, the seed lookup included (1..${MAX_QUERY_BUDGET}).`,
    GRAPH_DEFAULTS.max_queries,
    MAX_QUERY_BUDGET,
  ),
});
export type BuildAlertEntityGraphInput = z.infer<typeof buildAlertEntityGraphInputSchema>;
/** The input as a caller writes it (before defaults and coercion). */
export type BuildAlertEntityGraphRawInput = z.input<typeof buildAlertEntityGraphInputSchema>;

export const graphMatchSchema = z.object({
  label: z.string().describe("First dot segment of the child's field."),
  field: z.string().describe("The child's field."),
  matched_field: z.string().describe("The parent's field (differs for alias matches)."),
  value: z.string(),
  score: z.number(),
});
export type GraphMatch = z.infer<typeof graphMatchSchema>;

export const graphWhySchema = z.object({
  from: z.string().describe('The parent alert id.'),
  score: z.number(),
  label_scores: z.record(z.string(), z.number()),
  matches: z.array(graphMatchSchema).describe('At most 10, sorted by label, field, value, matched field.'),
});
export type GraphWhy = z.infer<typeof graphWhySchema>;

export const graphAlertSchema = z.object({
  alert_id: z.string(),
  alert_index: z.string(),
  timestamp: z.string().optional(),
  rule_name: z.string().optional(),
  severity: z.string().optional(),
  why: z.array(graphWhySchema).describe('Why the alert is related, best link first; empty for the seed.'),
  why_text: z.string().describe('`why` as one line: `<from> (score <n>): <field>=<value>[ (as <field>)], …; …`.'),
});
export type GraphAlert = z.infer<typeof graphAlertSchema>;

export const graphEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  score: z.number(),
  label_scores: z.record(z.string(), z.number()),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const GRAPH_STOP_REASONS = ['no_entities', 'exhausted', 'max_depth', 'max_alerts', 'max_queries'] as const;
export type GraphStopReason = (typeof GRAPH_STOP_REASONS)[number];

export const graphStatsSchema = z.object({
  depth_reached: z.number().int(),
  nodes: z.number().int(),
  edges: z.number().int(),
  queries: z.number().int().describe('Elasticsearch round trips, the seed lookup included.'),
  searches: z.number().int().describe('Search bodies sent (an msearch carries several).'),
  time_range: z.object({ gte: z.string(), lte: z.string() }),
  stop_reason: z.enum(GRAPH_STOP_REASONS),
});
export type GraphStats = z.infer<typeof graphStatsSchema>;

export const buildAlertEntityGraphOutputSchema = z.object({
  nodes: z.array(z.object({ id: z.string() })),
  edges: z.array(graphEdgeSchema).describe('Parent → child links, ordered by from, then to.'),
  alerts: z.array(graphAlertSchema).describe('Alerts in time order (ties keep discovery order).'),
  stats: graphStatsSchema,
});
export type BuildAlertEntityGraphOutput = z.infer<typeof buildAlertEntityGraphOutputSchema>;
