/**
 * `_search`, `_count` and the doc selection of by-query APIs over one or more SearchViews (one per
 * target index). Parse errors are top-level 400s; per-index errors become shard failures.
 */
import { AggTree, checkAggregations, parseAggregations, type AggContext, type AggSpec, type DocBatch, type TopHitsCollector, type TopHitsRequest } from '../aggs';
import { EsError, illegalArgument, parsingException } from '../errors';
import { contains, executeQuery, fieldGroup, isPlainObject, namedQueries, parseQuery, tokenName, unionAll, type Matches, type QueryNode } from '../query';
import type { NumericFieldIndex, SearchView, TermsFieldIndex } from '../search_view';
import { buildHit, parseFieldRequests, type HitOptions } from './hits';
import { failureEntry, SearchPhaseExecutionError, type ShardFailure } from './shard_failures';
import { parseSearchBody, type SearchRequest } from './search_body';
import { compareSortKeys, isRelevanceSort, parseSort, resolveSort, type SortSpec, type SortValue, type ViewSort } from './sort';
import { parseSourceFilter } from './source_filter';
import { TopK } from './top_k';
import { float32Number } from './float32';

export interface SearchTarget {
  view: SearchView;
  /** Query DSL filters of the aliases the index was reached through; OR-ed. */
  aliasFilters?: unknown[];
}

export interface SearchOptions {
  /** Fixed `now` of the request (epoch ms) for date math. */
  now: number;
  restTotalHitsAsInt?: boolean;
  typedKeys?: boolean;
  ignoreUnavailable?: boolean;
  /** Node id printed in shard failures. */
  nodeId?: string;
  /** false: any shard failure fails the whole request. */
  allowPartialSearchResults?: boolean;
}

const DEFAULT_NODE_ID = 'embedded-node-0';

/** The query of a target: the request query restricted by its alias filters. */
function targetQuery(query: QueryNode | undefined, aliasFilters: readonly unknown[] | undefined): QueryNode | undefined {
  if (!aliasFilters || aliasFilters.length === 0) return query;
  const filters = aliasFilters.map(parseQuery);
  const aliasNode: QueryNode =
    filters.length === 1
      ? filters[0]
      : { kind: 'bool', must: [], filter: [], mustNot: [], should: filters, minimumShouldMatch: undefined, boost: 1 };
  return {
    kind: 'bool',
    must: [query ?? { kind: 'match_all', boost: 1 }],
    filter: [aliasNode],
    mustNot: [],
    should: [],
    minimumShouldMatch: undefined,
    boost: 1,
  };
}

/** Live matching docs of a target, with scores. */
function runQuery(view: SearchView, query: QueryNode | undefined, now: number, scoring: boolean): Matches {
  const m = query ? executeQuery(view, query, { now, scoring }) : executeQuery(view, { kind: 'match_all', boost: 1 }, { now, scoring });
  return liveOnly(view, m);
}

function liveOnly(view: SearchView, m: Matches): Matches {
  if (view.numDocs === view.maxDoc) return m;
  const keep: number[] = [];
  for (let i = 0; i < m.docs.length; i++) if (view.isLive(m.docs[i])) keep.push(i);
  if (keep.length === m.docs.length) return m;
  return pick(m, keep);
}

function pick(m: Matches, indices: readonly number[]): Matches {
  const docs = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) docs[i] = m.docs[indices[i]];
  const src = m.scores;
  if (!src) return { docs, scores: undefined, constant: m.constant };
  const scores = new Float32Array(indices.length);
  for (let i = 0; i < indices.length; i++) scores[i] = src[indices[i]];
  return { docs, scores, constant: m.constant };
}

function scoreOf(m: Matches, i: number): number {
  return m.scores ? m.scores[i] : m.constant;
}

interface ShardResult {
  rank: number;
  view: SearchView;
  /** Query matches (live, min_score, terminate_after): what aggregations see. */
  matches: Matches;
  /** After post_filter: what hits and totals see. */
  hits: Matches;
  sort: ViewSort | undefined;
  after: SortValue[] | undefined;
  terminated: boolean;
}

interface Candidate {
  shard: ShardResult;
  doc: number;
  score: number;
  keys: SortValue[] | undefined;
}

function compareCandidates(specs: readonly SortSpec[] | undefined): (a: Candidate, b: Candidate) => number {
  return (a, b) => {
    let c: number;
    if (specs && a.keys && b.keys) c = compareSortKeys(specs, a.keys, b.keys);
    else c = b.score - a.score;
    if (c !== 0) return c;
    c = a.shard.rank - b.shard.rank;
    if (c !== 0) return c;
    return a.doc - b.doc;
  };
}

/** Selects the best `k` docs over all shards (search_after applied), best first. */
function selectTop(shards: readonly ShardResult[], specs: readonly SortSpec[] | undefined, k: number): Candidate[] {
  if (k <= 0) return [];
  const cmp = compareCandidates(specs);
  const top = new TopK<Candidate>(k, cmp);
  for (const shard of shards) {
    const m = shard.hits;
    const docs = specs && shard.sort ? narrowBySortKey(shard, specs, k) : m.docs;
    let pos = 0;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      let score: number;
      if (docs === m.docs) score = m.scores ? m.scores[i] : m.constant;
      else {
        while (m.docs[pos] !== doc) pos++;
        score = m.scores ? m.scores[pos] : m.constant;
      }
      let keys: SortValue[] | undefined;
      if (specs && shard.sort) {
        keys = shard.sort.keys(doc, score);
        if (shard.after && compareSortKeys(specs, keys, shard.after) <= 0) continue;
      }
      const worst = top.full ? top.worst() : undefined;
      if (worst) {
        // Reject without allocating: same order as compareCandidates.
        let c = specs && keys && worst.keys ? compareSortKeys(specs, keys, worst.keys) : worst.score - score;
        if (c === 0) c = shard.rank - worst.shard.rank || doc - worst.doc;
        if (c >= 0) {
          // Relevance order over ascending docs of one shard with a constant score: nothing later can win.
          if (!specs && !m.scores) break;
          continue;
        }
      }
      top.offer({ shard, doc, score, keys });
    }
  }
  return top.sorted();
}

/** Above this many hits, numeric narrowing samples keys and asks the point index instead (tests lower it). */
export const NARROWING = { computedKeysLimit: 65536 };

/**
 * For a primary sort on a numeric/date field, skips documents that cannot reach the top `k`: the point
 * index finds the docs whose value beats a threshold estimated from a sample, widening until at least
 * `k` candidates remain (docs with missing values only matter when fewer than `k` have values).
 */
function narrowBySortKey(shard: ShardResult, specs: readonly SortSpec[], k: number): Int32Array {
  const all = shard.hits.docs;
  const spec = specs[0];
  if (all.length <= 4 * k + 64 || spec.kind !== 'field' || spec.mode !== undefined || spec.missing !== '_last') return all;
  const fi = shard.view.field(spec.field);
  if (fi && fi.kind === 'terms' && fieldGroup(fi.mapping.type) === 'keyword') return narrowByTermOrder(shard, fi, spec.order === 'desc', k);
  if (!fi || fi.kind !== 'numeric') return all;
  const desc = spec.order === 'desc';
  if (all.length <= NARROWING.computedKeysLimit) return narrowByComputedKeys(shard, fi, desc, k);
  // Sample values to guess a threshold keeping ~4k docs.
  const sample: number[] = [];
  const step = Math.max(1, Math.floor(all.length / 2048));
  for (let i = 0; i < all.length; i += step) {
    const v = fi.values(all[i]);
    if (v.length > 0) sample.push(desc ? v[v.length - 1] : v[0]);
  }
  if (sample.length === 0) return all;
  sample.sort((a, b) => (desc ? b - a : a - b));
  let afterBound: number | undefined;
  if (shard.after && typeof shard.after[0] === 'number') afterBound = shard.after[0];
  let fraction = Math.min(1, (4 * k) / all.length);
  for (;;) {
    const idx = Math.min(sample.length - 1, Math.ceil(fraction * sample.length));
    const threshold = sample[idx];
    let lo = desc ? threshold : -Infinity;
    let hi = desc ? Infinity : threshold;
    if (afterBound !== undefined) {
      if (desc) hi = Math.min(hi, afterBound);
      else lo = Math.max(lo, afterBound);
    }
    const inRange = intersectSorted(all, fi.range(lo, hi));
    // Keep docs whose sort key (max for desc, min for asc) really is within the window.
    const kept: number[] = [];
    let strict = 0;
    for (let i = 0; i < inRange.length; i++) {
      const v = fi.values(inRange[i]);
      if (v.length === 0) continue;
      const key = desc ? v[v.length - 1] : v[0];
      if (key < lo || key > hi) continue;
      kept.push(inRange[i]);
      if (afterBound === undefined || key !== afterBound) strict++;
    }
    if (strict >= k) return Int32Array.from(kept);
    if (fraction >= 1) return all;
    fraction = Math.min(1, fraction * 4);
  }
}

/**
 * Keyword primary sort: walk the sorted term dictionary from the best end (min term first for asc, max
 * term first for desc) collecting matching docs until at least `k` are found; every doc whose key ties
 * the last visited term is included, so no later doc can reach the top `k`.
 */
function narrowByTermOrder(shard: ShardResult, fi: TermsFieldIndex, desc: boolean, k: number): Int32Array {
  const all = shard.hits.docs;
  // paging into the docs without a value: they are not in the dictionary
  if (shard.after && shard.after[0] === null) return all;
  const view = shard.view;
  const mark = new Uint8Array(view.maxDoc);
  for (let i = 0; i < all.length; i++) mark[all[i]] = 1;
  const terms = fi.terms();
  const after = shard.after && typeof shard.after[0] === 'string' ? shard.after[0] : undefined;
  const lists: Int32Array[] = [];
  let found = 0;
  for (let step = 0; step < terms.length && found < k; step++) {
    const term = terms[desc ? terms.length - 1 - step : step];
    if (after !== undefined && (desc ? term > after : term < after)) continue;
    const p = fi.postings(term);
    if (!p) continue;
    const hits: number[] = [];
    for (let i = 0; i < p.length; i++) {
      if (mark[p[i]] === 1) {
        mark[p[i]] = 2;
        hits.push(p[i]);
      }
    }
    if (hits.length === 0) continue;
    lists.push(Int32Array.from(hits));
    // docs tying the search_after term may all be filtered out by the tie breakers
    if (term !== after) found += hits.length;
  }
  if (found < k) return all;
  return unionAll(lists);
}

/**
 * Moderate result sets: read every candidate's primary key once (no per-doc allocation in the heap),
 * find the k-th best key and keep the docs at least as good (ties included).
 */
function narrowByComputedKeys(shard: ShardResult, fi: NumericFieldIndex, desc: boolean, k: number): Int32Array {
  const all = shard.hits.docs;
  const after = shard.after && typeof shard.after[0] === 'number' ? shard.after[0] : undefined;
  if (shard.after && shard.after[0] === null) return all;
  const keys = new Float64Array(all.length);
  const valid: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const v = fi.values(all[i]);
    if (v.length === 0) {
      keys[i] = NaN;
      continue;
    }
    const key = desc ? v[v.length - 1] : v[0];
    keys[i] = key;
    // keys strictly beyond search_after cannot be returned; ties with it may be (tie breakers)
    if (after !== undefined && (desc ? key > after : key < after)) continue;
    if (after === undefined || key !== after) valid.push(key);
  }
  if (valid.length < k) return all;
  const sorted = Float64Array.from(valid).sort();
  const threshold = desc ? sorted[sorted.length - k] : sorted[k - 1];
  const out: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const key = keys[i];
    if (Number.isNaN(key)) continue;
    if (desc ? key >= threshold : key <= threshold) out.push(all[i]);
  }
  return Int32Array.from(out);
}

function intersectSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out[n++] = a[i];
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}

function resultWindowError(max: number, requested: number): EsError {
  return illegalArgument(
    `Result window is too large, from + size must be less than or equal to: [${max}] but was [${requested}]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.`,
  );
}

function shardsSection(total: number, failures: readonly ShardFailure[], nodeId: string): Record<string, unknown> {
  const out: Record<string, unknown> = { total, successful: total - failures.length, skipped: 0, failed: failures.length };
  if (failures.length > 0) out.failures = failures.map((f) => failureEntry(f, nodeId));
  return out;
}

function sortedTargets(targets: readonly SearchTarget[]): SearchTarget[] {
  return [...targets].sort((a, b) => (a.view.index < b.view.index ? -1 : a.view.index > b.view.index ? 1 : 0));
}

/** Runs the per-index part of a request, collecting failures instead of throwing EsErrors. */
function perShard<T>(targets: readonly SearchTarget[], run: (t: SearchTarget, rank: number) => T): { results: T[]; failures: ShardFailure[] } {
  const results: T[] = [];
  const failures: ShardFailure[] = [];
  sortedTargets(targets).forEach((t, rank) => {
    try {
      results.push(run(t, rank));
    } catch (e) {
      if (!(e instanceof EsError) || e.meta.embedded_unsupported !== undefined) throw e;
      failures.push({ index: t.view.index, error: e });
    }
  });
  return { results, failures };
}

function failIfNeeded(targetCount: number, failures: readonly ShardFailure[], options: SearchOptions): void {
  if (failures.length === 0) return;
  if (failures.length === targetCount || options.allowPartialSearchResults === false) {
    throw new SearchPhaseExecutionError(failures, options.nodeId ?? DEFAULT_NODE_ID);
  }
}

export function executeSearch(targets: SearchTarget[], body: unknown, options: SearchOptions): Record<string, unknown> {
  const started = Date.now();
  const req = parseSearchBody(body);
  if (options.restTotalHitsAsInt && req.trackTotalHitsSet && typeof req.trackTotalHits === 'number') {
    throw illegalArgument(`[rest_total_hits_as_int] cannot be used if the tracking of total hits is not accurate, got ${req.trackTotalHits}`);
  }
  const trackTotalHits = options.restTotalHitsAsInt && !req.trackTotalHitsSet ? true : req.trackTotalHits;
  const aggSpecs = req.aggs === undefined || req.aggs === null ? undefined : parseAggregations(req.aggs);
  const nodeId = options.nodeId ?? DEFAULT_NODE_ID;
  const relevance = isRelevanceSort(req.sort);
  const sortSpecs = req.sort && req.sort.length > 0 ? req.sort : undefined;
  const showScores = relevance || req.trackScores;
  const scoring = showScores || req.minScore !== undefined || (req.sort?.some((s) => s.kind === 'score') ?? false) || (aggSpecs !== undefined && usesScores(aggSpecs));

  const { results: shards, failures } = perShard(targets, (t, rank) => runShard(t, rank, req, aggSpecs, sortSpecs, options.now, scoring));
  failIfNeeded(targets.length, failures, options);

  let aggregations: Record<string, unknown> | undefined;
  if (aggSpecs) {
    const tree = new AggTree(aggSpecs, aggContext(options.now));
    for (const s of shards) tree.collect(s.view, s.matches);
    aggregations = tree.build(options.typedKeys === true);
  }

  let totalCount = 0;
  let maxScore = -Infinity;
  for (const s of shards) {
    totalCount += s.hits.docs.length;
    if (showScores) {
      const sc = s.hits.scores;
      if (sc) {
        for (let i = 0; i < sc.length; i++) if (sc[i] > maxScore) maxScore = sc[i];
      }
      else if (s.hits.docs.length > 0) maxScore = Math.max(maxScore, s.hits.constant);
    }
  }

  const top = selectTop(shards, sortSpecs, req.from + req.size).slice(req.from);
  const hitOptions: HitOptions = {
    source: req.source,
    version: req.version,
    seqNoPrimaryTerm: req.seqNoPrimaryTerm,
    storedFieldsNone: req.storedFieldsNone,
    fields: req.fields,
  };
  const hits = top.map((c) =>
    buildHit(c.shard.view, c.doc, showScores ? c.score : null, c.keys && c.shard.sort ? c.shard.sort.output(c.keys) : undefined, hitOptions),
  );
  addMatchedQueries(hits, top, [...namedQueries(req.query), ...namedQueries(req.postFilter)], options.now);

  const hitsSection: Record<string, unknown> = {};
  if (options.restTotalHitsAsInt) {
    hitsSection.total = trackTotalHits === false ? -1 : totalCount;
  } else if (trackTotalHits === true) {
    hitsSection.total = { value: totalCount, relation: 'eq' };
  } else if (typeof trackTotalHits === 'number') {
    hitsSection.total = totalCount > trackTotalHits ? { value: trackTotalHits, relation: 'gte' } : { value: totalCount, relation: 'eq' };
  }
  hitsSection.max_score = showScores && req.size > 0 && maxScore !== -Infinity ? float32Number(maxScore) : null;
  hitsSection.hits = hits;

  const response: Record<string, unknown> = { took: Date.now() - started, timed_out: false };
  if (req.terminateAfter !== undefined) response.terminated_early = shards.some((s) => s.terminated);
  response._shards = shardsSection(targets.length, failures, nodeId);
  response.hits = hitsSection;
  if (aggregations) response.aggregations = aggregations;
  return response;
}

/** `matched_queries`: the `_name`s of the clauses each returned hit matches. */
function addMatchedQueries(hits: Record<string, unknown>[], top: readonly Candidate[], named: { name: string; node: QueryNode }[], now: number): void {
  if (named.length === 0) return;
  const perView = new Map<SearchView, Int32Array[]>();
  top.forEach((c, i) => {
    const view = c.shard.view;
    let lists = perView.get(view);
    if (!lists) {
      lists = named.map((n) => {
        try {
          return executeQuery(view, n.node, { now, scoring: false }).docs;
        } catch {
          return new Int32Array(0);
        }
      });
      perView.set(view, lists);
    }
    const matched = named.filter((_, k) => contains((lists as Int32Array[])[k], c.doc)).map((n) => n.name);
    if (matched.length > 0) hits[i].matched_queries = matched;
  });
}

/** Only top_hits reads scores among the supported aggregations. */
function usesScores(specs: readonly AggSpec[]): boolean {
  return specs.some((s) => s.type === 'top_hits' || usesScores(s.subAggs));
}

function runShard(
  target: SearchTarget,
  rank: number,
  req: SearchRequest,
  aggSpecs: AggSpec[] | undefined,
  sortSpecs: SortSpec[] | undefined,
  now: number,
  scoring: boolean,
): ShardResult {
  const view = target.view;
  const max = view.settings.maxResultWindow;
  if (req.from + req.size > max) throw resultWindowError(max, req.from + req.size);
  const sort = sortSpecs ? resolveSort(view, sortSpecs) : undefined;
  if (aggSpecs) checkAggregations(aggSpecs, view);
  let matches = runQuery(view, targetQuery(req.query, target.aliasFilters), now, scoring);
  if (req.minScore !== undefined) {
    const minScore = req.minScore;
    const keep: number[] = [];
    for (let i = 0; i < matches.docs.length; i++) if (scoreOf(matches, i) >= minScore) keep.push(i);
    if (keep.length !== matches.docs.length) matches = pick(matches, keep);
  }
  let terminated = false;
  if (req.terminateAfter !== undefined && matches.docs.length > req.terminateAfter) {
    terminated = true;
    matches = { docs: matches.docs.slice(0, req.terminateAfter), scores: matches.scores?.slice(0, req.terminateAfter), constant: matches.constant };
  }
  let hits = matches;
  if (req.postFilter) {
    const allowed = executeQuery(view, req.postFilter, { now, scoring: false }).docs;
    const keep: number[] = [];
    let j = 0;
    for (let i = 0; i < matches.docs.length; i++) {
      const doc = matches.docs[i];
      while (j < allowed.length && allowed[j] < doc) j++;
      if (j < allowed.length && allowed[j] === doc) keep.push(i);
    }
    hits = pick(matches, keep);
  }
  const after = req.searchAfter && sort ? sort.decodeAfter(req.searchAfter, now) : undefined;
  return { rank, view, matches, hits, sort, after, terminated };
}

// ---------- top_hits (used by the aggregations) ----------

function aggContext(now: number): AggContext {
  return { now, topHits: (request) => createTopHitsCollector(request, now) };
}

function createTopHitsCollector(request: TopHitsRequest, now: number): TopHitsCollector {
  const body = request.body;
  const specs = body.sort === undefined ? undefined : parseSort(body.sort);
  const relevance = isRelevanceSort(specs);
  const sortSpecs = specs && specs.length > 0 ? specs : undefined;
  const trackScores = relevance || body.track_scores === true;
  const hitOptions: HitOptions = {
    source: parseSourceFilter(body._source),
    version: body.version === true,
    seqNoPrimaryTerm: body.seq_no_primary_term === true,
    storedFieldsNone: body.stored_fields === '_none_',
    fields: body.fields === undefined ? undefined : parseFieldRequests(body.fields),
  };
  const cmp = compareCandidates(sortSpecs);
  const top = new TopK<Candidate>(request.from + request.size, cmp);
  const ranks = new Map<SearchView, ShardResult>();
  let total = 0;
  let maxScore = -Infinity;
  return {
    collect(view: SearchView, batch: DocBatch): void {
      let shard = ranks.get(view);
      if (!shard) {
        const empty: Matches = { docs: new Int32Array(0), scores: undefined, constant: 0 };
        shard = { rank: ranks.size, view, matches: empty, hits: empty, sort: sortSpecs ? resolveSort(view, sortSpecs) : undefined, after: undefined, terminated: false };
        ranks.set(view, shard);
      }
      total += batch.docs.length;
      for (let i = 0; i < batch.docs.length; i++) {
        const doc = batch.docs[i];
        const score = batch.scores ? batch.scores[i] : batch.constant;
        if (trackScores && score > maxScore) maxScore = score;
        top.offer({ shard, doc, score, keys: shard.sort ? shard.sort.keys(doc, score) : undefined });
      }
    },
    build(): Record<string, unknown> {
      const chosen = top.sorted().slice(request.from);
      return {
        hits: {
          total: { value: total, relation: 'eq' },
          max_score: trackScores && maxScore !== -Infinity ? float32Number(maxScore) : null,
          hits: chosen.map((c) =>
            buildHit(c.shard.view, c.doc, trackScores ? c.score : null, c.keys && c.shard.sort ? c.shard.sort.output(c.keys) : undefined, hitOptions),
          ),
        },
      };
    },
  };
}

// ---------- _count and by-query ----------

export function executeCount(targets: SearchTarget[], body: unknown, options: SearchOptions): Record<string, unknown> {
  const b = body === undefined || body === null ? {} : body;
  if (!isPlainObject(b)) throw parsingException(`Expected [START_OBJECT] but found [${tokenName(b)}]`);
  for (const [k, v] of Object.entries(b)) {
    if (k !== 'query' && k !== 'min_score' && k !== 'terminate_after') {
      throw parsingException(`request does not support [${k}]`, { value: tokenName(v) });
    }
  }
  const query = b.query === undefined || b.query === null ? undefined : parseQuery(b.query);
  const minScore = typeof b.min_score === 'number' ? Math.fround(b.min_score) : undefined;
  const { results, failures } = perShard(targets, (t) => {
    const m = runQuery(t.view, targetQuery(query, t.aliasFilters), options.now, minScore !== undefined);
    if (minScore === undefined) return m.docs.length;
    let n = 0;
    for (let i = 0; i < m.docs.length; i++) if (scoreOf(m, i) >= minScore) n++;
    return n;
  });
  failIfNeeded(targets.length, failures, options);
  return { count: results.reduce((a, b) => a + b, 0), _shards: shardsSection(targets.length, failures, options.nodeId ?? DEFAULT_NODE_ID) };
}

/** Live doc ids of `target` matching `query` (match_all when undefined), alias filters applied. */
export function matchingDocs(target: SearchTarget, query: unknown, now: number): number[] {
  const node = query === undefined || query === null ? undefined : parseQuery(query);
  return Array.from(runQuery(target.view, targetQuery(node, target.aliasFilters), now, false).docs);
}
