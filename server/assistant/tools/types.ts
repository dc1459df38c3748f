import type { z } from 'zod/v4';
import type { FieldPolicy, ReplacementEntry, ReplacementsStore } from '../../../common/anonymization';
import type { OwnerScope } from '../../storage/types';
import type { ChatDataClients } from '../chat_data_clients';
import type { TokenBudget } from '../token_budget';

/** What the alert tools need from Elasticsearch: one search, always with the user's own client (§8.2). */
export interface AlertsSearchRequest {
  index: string;
  size: number;
  query: Record<string, unknown>;
  sort?: Array<Record<string, unknown>>;
  aggs?: Record<string, unknown>;
  track_total_hits?: boolean;
  _source?: { includes: string[] } | boolean;
}

export interface AlertsSearchHit {
  _id: string;
  _source?: Record<string, unknown>;
}

export interface AlertsSearchResponse {
  hits: { total?: number | { value: number }; hits: AlertsSearchHit[] };
  aggregations?: Record<string, unknown>;
}

export type AlertsSearch = (request: AlertsSearchRequest, signal?: AbortSignal) => Promise<AlertsSearchResponse>;

export interface ToolContext {
  spaceId: string;
  scope: OwnerScope;
  searchAlerts: AlertsSearch;
  dataClients: ChatDataClients;
  alertsToAnalyze: number;
  policy: FieldPolicy;
  store: ReplacementsStore;
  /** This turn's D: tools add the denied values they meet so the guard scrubs them from every later request. */
  denied: Set<string>;
  minFreeTextLength: number;
  budget: TokenBudget;
  now: () => Date;
  signal: AbortSignal;
  /** Replacement entries whose tokens appeared in this call's arguments (already de-anonymized in `args`). */
  argumentValues: ReplacementEntry[];
}

export interface ToolOutput {
  /** What the model reads (the loop scrubs and caps it again). */
  content: string;
  /** One line for the tool activity row (tokenized like the content). */
  summary: string;
  ok: boolean;
}

export interface AssistantTool<A = unknown> {
  name: string;
  description: string;
  schema: z.ZodType<A>;
  run(args: A, context: ToolContext): Promise<ToolOutput>;
}

/** A tool error the model can read and the user sees in the activity row. */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/** Elasticsearch 401/403 → the §8.2 tool error `not authorized`. */
export function isAuthorizationError(error: unknown): boolean {
  const status = (error as { meta?: { statusCode?: unknown }; statusCode?: unknown })?.meta?.statusCode ?? (error as { statusCode?: unknown })?.statusCode;
  return status === 401 || status === 403;
}

export function isIndexNotFound(error: unknown): boolean {
  const meta = (error as { meta?: { statusCode?: unknown; body?: { error?: { type?: unknown } } } })?.meta;
  return meta?.statusCode === 404 && meta.body?.error?.type === 'index_not_found_exception';
}
