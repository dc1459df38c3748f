/** Shared aggregation types: parsed specs, per-index collectors and the batch of docs they collect. */
import type { SearchView } from '../search_view';

/** Docs of one view (ascending) with their scores (undefined = all `constant`). */
export interface DocBatch {
  readonly docs: Int32Array;
  readonly scores: Float32Array | undefined;
  readonly constant: number;
}

export interface AggSpec {
  readonly name: string;
  readonly type: string;
  /** Parameters as parsed by the aggregation's definition. */
  readonly params: unknown;
  readonly meta: unknown;
  readonly subAggs: readonly AggSpec[];
}

/** Collects docs from any number of views, then renders the merged (reduced) result. */
export interface Aggregator {
  collect(view: SearchView, batch: DocBatch): void;
  /** The body of the result (without `meta`), rendering sub-aggregations with `typedKeys`. */
  build(typedKeys: boolean): Record<string, unknown>;
  /** Prefix for `typed_keys` (`sterms`, `max`, ...), known after collection for terms. */
  typedKey(): string;
}

/** top_hits needs the search layer's sorting and hit rendering; the search layer provides them. */
export interface TopHitsRequest {
  name: string;
  from: number;
  size: number;
  body: Record<string, unknown>;
}

export interface TopHitsCollector {
  collect(view: SearchView, batch: DocBatch): void;
  build(): Record<string, unknown>;
}

export interface AggContext {
  now: number;
  topHits(request: TopHitsRequest): TopHitsCollector;
  /** Validates top_hits parameters (sort, _source...) at parse time. */
  checkTopHits?(body: Record<string, unknown>): void;
}

export interface AggDefinition {
  readonly acceptsSubAggs: boolean;
  parse(name: string, body: unknown, ctx: AggParseContext): unknown;
  /** Per-index validation (field types); throws the per-index EsError. */
  check(spec: AggSpec, view: SearchView): void;
  create(spec: AggSpec, ctx: AggContext): Aggregator;
}

export interface AggParseContext {
  parseSubAggs(json: unknown): AggSpec[];
}

export function subset(batch: DocBatch, indices: ArrayLike<number>): DocBatch {
  const docs = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) docs[i] = batch.docs[indices[i]];
  if (!batch.scores) return { docs, scores: undefined, constant: batch.constant };
  const scores = new Float32Array(indices.length);
  for (let i = 0; i < indices.length; i++) scores[i] = batch.scores[indices[i]];
  return { docs, scores, constant: 0 };
}
