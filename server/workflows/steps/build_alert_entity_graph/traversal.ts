import type { GraphStopReason, GraphWhy } from '../../../../common/workflows';
import { readRaw, text } from '../../../../common/workflows';
import type { PreparedGraphConfig } from './config';
import {
  addToEntityMap,
  extractEntities,
  knownAsEntityMap,
  mergeEntities,
  OwnerIndex,
  type EntityMap,
  type KnownEntities,
} from './entities';
import { aliasExpand, linkScoreBound, termsClauses, type LinkScoreBound, type TermsClause } from './query_builder';
import { mergeLabelScores, scoreChild, type ParentLink } from './scoring';
import { lookaheadSlices, roundWindows, timestampMs, type LookaheadSlices, type TimeSpan } from './time_window';
import { buildWhy } from './why';

/** A search hit as the graph reads it. */
export interface GraphHit {
  readonly _id?: string;
  readonly _index: string;
  readonly _source?: Record<string, unknown>;
}

export interface AlertMeta {
  readonly id: string;
  readonly index: string;
  /** Epoch ms, undefined when the alert has no valid `@timestamp`. */
  readonly timestampMs?: number;
  readonly ruleName?: string;
  readonly severity?: string;
}

export interface EdgeState {
  readonly from: string;
  readonly to: string;
  score: number;
  labelScores: Record<string, number>;
}

export type SubSearchKind = 'E' | 'L' | 'R';

/** One sub-search of a round: E over the searched span, L/R over the new slices (triage-steps §4.3 step 6). */
export interface SubSearchPlan {
  readonly kind: SubSearchKind;
  readonly span: TimeSpan;
  readonly clauses: readonly TermsClause[];
  /** Parents a hit may link to: a snapshot of the frontier for E, all nodes (live) for L and R. */
  readonly candidates: ReadonlySet<string>;
  /**
   * E only: the link-score bound against its fixed candidates, which a driver may send so the engine skips hits that
   * cannot link. L and R have none: their candidates include alerts found later in the same round.
   */
  readonly bound?: LinkScoreBound;
}

export interface RoundPlan {
  readonly depth: number;
  readonly subSearches: readonly SubSearchPlan[];
  /**
   * What the next round's L and R would search if this round adds no new entity value: the same known clauses,
   * over slices inside these bounds. A driver may fetch them with this round's searches and, next round, serve L/R
   * from those hits when the clauses are unchanged and the fetched page was complete. Absent when there is no next
   * round or nothing is known.
   */
  readonly lookahead?: LookaheadSlices & { readonly clauses: readonly TermsClause[] };
}

export class SeedTimestampError extends Error {
  constructor(alertId: string) {
    super(`Alert with ID ${alertId} has no valid @timestamp`);
    this.name = 'SeedTimestampError';
  }
}

const META_VALUE_LENGTH = 1024;

function metaOf(hit: GraphHit & { _id: string }): AlertMeta {
  return {
    id: hit._id,
    index: hit._index,
    timestampMs: timestampMs(readRaw(hit._source, '@timestamp')),
    ruleName: text(hit._source, 'kibana.alert.rule.name', META_VALUE_LENGTH),
    severity: text(hit._source, 'kibana.alert.severity', META_VALUE_LENGTH),
  };
}

/**
 * The breadth-first search over alerts sharing scored entities, without any I/O: a driver asks for a round plan,
 * runs its sub-searches however it likes (batched or sequential), feeds the hits back in order, then ends the round.
 * Processing order and candidate sets are fixed here, so every driver that feeds the same hits in the same order
 * builds the same graph.
 */
export class EntityGraphTraversal {
  readonly seed: AlertMeta;
  readonly seedTimestampMs: number;
  readonly seedHasEntities: boolean;

  private readonly seen = new Set<string>();
  private readonly nodeIds: string[] = [];
  private readonly nodeSet = new Set<string>();
  private readonly meta = new Map<string, AlertMeta>();
  private readonly known: KnownEntities = new Map();
  private readonly owners = new OwnerIndex();
  private readonly edges = new Map<string, EdgeState>();
  private readonly why = new Map<string, GraphWhy[]>();
  /** Each node's extracted entities, for the link-score bound of the next E search. */
  private readonly entitiesOf = new Map<string, EntityMap>();

  private minTs: number;
  private maxTs: number;
  private searched: TimeSpan;
  /** The union of every span actually searched, reported as `time_range`. */
  private span: TimeSpan;
  private frontierEntities: EntityMap;
  private frontierAlerts = new Set<string>();
  private depthReached = 0;

  private round?: { depth: number; expanded: TimeSpan; newIds: string[]; newly: EntityMap };

  constructor(
    private readonly config: PreparedGraphConfig,
    seedHit: GraphHit & { _id: string },
  ) {
    this.seed = metaOf(seedHit);
    if (this.seed.timestampMs === undefined) throw new SeedTimestampError(seedHit._id);
    this.seedTimestampMs = this.seed.timestampMs;
    const entities = extractEntities(seedHit._source, config.entityFields, config.ignore);
    this.seedHasEntities = entities.size > 0;
    this.addNode(this.seed);
    this.entitiesOf.set(this.seed.id, entities);
    this.owners.add(this.seed.id, entities);
    this.frontierEntities = mergeEntities(this.known, entities, config.limits.maxEntitiesPerField);
    this.frontierAlerts.add(this.seed.id);
    this.minTs = this.maxTs = this.seedTimestampMs;
    this.searched = { from: this.seedTimestampMs - config.seedWindowMs, to: this.seedTimestampMs + config.seedWindowMs };
    this.span = this.seedHasEntities ? this.searched : { from: this.seedTimestampMs, to: this.seedTimestampMs };
  }

  stop(): boolean {
    return this.seen.size >= this.config.limits.maxAlerts;
  }

  get seenCount(): number {
    return this.seen.size;
  }

  /** Ids already in the graph (excluded from new searches). */
  seenIds(): string[] {
    return [...this.seen];
  }

  /** Plans round `depth`, or says the search is exhausted (no frontier entities and no new time slices). */
  beginRound(depth: number): RoundPlan | { end: GraphStopReason } {
    const { expanded, left, right } = roundWindows(
      { minTs: this.minTs, maxTs: this.maxTs },
      this.searched,
      this.config.expandWindowMs,
    );
    const maxTerms = this.config.limits.maxTermsPerQuery;
    const frontierClauses = termsClauses(aliasExpand(this.frontierEntities, this.config.aliases), maxTerms);
    const hasSlices = left !== undefined || right !== undefined;
    const allKnownClauses = termsClauses(aliasExpand(knownAsEntityMap(this.known), this.config.aliases), maxTerms);
    const knownClauses = hasSlices ? allKnownClauses : [];
    if (frontierClauses.length === 0 && !hasSlices) return { end: 'exhausted' };

    const subSearches: SubSearchPlan[] = [];
    if (frontierClauses.length > 0) {
      const candidateValues: EntityMap = new Map();
      for (const id of this.frontierAlerts) addToEntityMap(candidateValues, this.entitiesOf.get(id) ?? new Map());
      const bound = linkScoreBound(candidateValues, this.config);
      subSearches.push({
        kind: 'E',
        span: this.searched,
        clauses: frontierClauses,
        candidates: new Set(this.frontierAlerts),
        ...(bound === undefined ? {} : { bound }),
      });
    }
    if (knownClauses.length > 0) {
      if (left !== undefined) subSearches.push({ kind: 'L', span: left, clauses: knownClauses, candidates: this.nodeSet });
      if (right !== undefined) subSearches.push({ kind: 'R', span: right, clauses: knownClauses, candidates: this.nodeSet });
    }
    for (const sub of subSearches) {
      this.span = { from: Math.min(this.span.from, sub.span.from), to: Math.max(this.span.to, sub.span.to) };
    }
    this.round = { depth, expanded, newIds: [], newly: new Map() };
    const lookahead =
      depth < this.config.limits.maxDepth && allKnownClauses.length > 0
        ? { ...lookaheadSlices(this.searched, expanded, this.config.expandWindowMs), clauses: allKnownClauses }
        : undefined;
    return lookahead === undefined ? { depth, subSearches } : { depth, subSearches, lookahead };
  }

  /**
   * Processes one hit of a sub-search. Hits without `_id`, already seen, or without a link to a candidate are
   * skipped; unlinked hits are not marked seen, so a later search may still link them. Returns whether it joined.
   */
  accept(hit: GraphHit, sub: SubSearchPlan): boolean {
    if (this.round === undefined) throw new Error('accept() called outside a round');
    if (hit._id === undefined || hit._id === '' || this.seen.has(hit._id)) return false;
    const id = hit._id;
    const entities = extractEntities(hit._source, this.config.entityFields, this.config.ignore);
    const links = scoreChild(entities, sub.candidates, this.owners, this.config);
    if (links.length === 0) return false;

    const meta = metaOf({ ...hit, _id: id });
    this.addNode(meta);
    if (meta.timestampMs !== undefined) {
      this.minTs = Math.min(this.minTs, meta.timestampMs);
      this.maxTs = Math.max(this.maxTs, meta.timestampMs);
    }
    this.round.newIds.push(id);
    addToEntityMap(this.round.newly, entities);
    for (const link of links) this.addEdge(link, id);
    this.why.set(id, buildWhy(links));
    this.entitiesOf.set(id, entities);
    this.owners.add(id, entities);
    return true;
  }

  /** Ends the current round: `exhausted` when nothing joined, otherwise the frontier moves on. */
  endRound(): GraphStopReason | undefined {
    const round = this.round;
    if (round === undefined) throw new Error('endRound() called outside a round');
    this.round = undefined;
    if (round.newIds.length === 0) return 'exhausted';
    this.depthReached = round.depth;
    this.frontierAlerts = new Set(round.newIds);
    this.frontierEntities = mergeEntities(this.known, round.newly, this.config.limits.maxEntitiesPerField);
    this.searched = round.expanded;
    return undefined;
  }

  snapshot(): TraversalSnapshot {
    return {
      seed: this.seed,
      nodes: this.nodeIds.map((id) => this.meta.get(id)).filter((m): m is AlertMeta => m !== undefined),
      edges: [...this.edges.values()],
      why: this.why,
      depthReached: this.depthReached,
      timeRange: this.span,
    };
  }

  private addNode(meta: AlertMeta): void {
    this.seen.add(meta.id);
    this.nodeIds.push(meta.id);
    this.nodeSet.add(meta.id);
    this.meta.set(meta.id, meta);
  }

  private addEdge(link: ParentLink, child: string): void {
    const key = `${link.parent}\u0000${child}`;
    const existing = this.edges.get(key);
    if (existing === undefined) {
      this.edges.set(key, { from: link.parent, to: child, score: link.score, labelScores: { ...link.labelScores } });
      return;
    }
    const merged = mergeLabelScores(existing.labelScores, link.labelScores);
    existing.labelScores = merged.labelScores;
    existing.score = merged.score;
  }
}

export interface TraversalSnapshot {
  readonly seed: AlertMeta;
  /** Discovery order, the seed first. */
  readonly nodes: readonly AlertMeta[];
  readonly edges: readonly EdgeState[];
  readonly why: ReadonlyMap<string, GraphWhy[]>;
  readonly depthReached: number;
  readonly timeRange: TimeSpan;
}
