/**
 * Executes a parsed query against one SearchView. Boosts flow downwards multiplicatively as in Lucene
 * (`createWeight(boost)`); `scoring=false` is filter context, where no score is computed.
 */
import type { SearchView } from '../search_view';
import type { QueryNode } from './ast';
import { matchPhraseQuery, matchQuery, multiMatchQuery } from './full_text';
import {
  allDocs,
  existsQuery,
  idsQuery,
  prefixQuery,
  rangePredicate,
  rangeQuery,
  termQuery,
  termsQuery,
  wildcardQuery,
  type QueryContext,
} from './leaf_queries';
import { combineBool, constantMatches, disMax, keepWhere, NO_MATCHES, withConstantScore, type Matches } from './matches';
import { resolveMinimumShouldMatch } from './minimum_should_match';
import { wrapQueryError } from './query_errors';
import { simpleQueryStringQuery } from './simple_query_string';
import { subtract } from './doc_set';

export interface ExecuteOptions {
  now: number;
  /** false = filter context (no scores). */
  scoring: boolean;
}

/**
 * Matching docs of `node` in `view` (deleted docs included: the caller drops them with `isLive`).
 * Errors are reported as Elasticsearch reports per-shard query errors (query_shard_exception).
 */
export function executeQuery(view: SearchView, node: QueryNode, options: ExecuteOptions): Matches {
  const ctx: QueryContext = { view, now: options.now };
  try {
    return run(ctx, node, 1, options.scoring);
  } catch (e) {
    throw wrapQueryError(view, e);
  }
}

function run(ctx: QueryContext, node: QueryNode, inherited: number, scoring: boolean): Matches {
  const boost = Math.fround(inherited * node.boost);
  switch (node.kind) {
    case 'match_all':
      return constantMatches(allDocs(ctx.view), boost);
    case 'match_none':
      return NO_MATCHES;
    case 'term':
      return termQuery(ctx, node, boost, scoring);
    case 'terms':
      return termsQuery(ctx, node, boost);
    case 'range':
      return rangeQuery(ctx, node, boost);
    case 'exists':
      return existsQuery(ctx, node, boost);
    case 'ids':
      return idsQuery(ctx, node, boost);
    case 'prefix':
      return prefixQuery(ctx, node, boost);
    case 'wildcard':
      return wildcardQuery(ctx, node, boost);
    case 'constant_score':
      return withConstantScore(run(ctx, node.filter, 1, false), boost);
    case 'bool': {
      if (node.must.length + node.filter.length + node.mustNot.length + node.should.length === 0) {
        return constantMatches(allDocs(ctx.view), boost);
      }
      const msm = resolveMinimumShouldMatch(node.should.length, node.minimumShouldMatch);
      // Numeric range filters are checked per candidate when a rarer required clause drives.
      const deferred: ((doc: number) => boolean)[] = [];
      const eager: QueryNode[] = [];
      for (const q of node.filter) {
        const p = q.kind === 'range' && q.boost === 1 ? rangePredicate(ctx, q) : undefined;
        if (p) deferred.push(p);
        else eager.push(q);
      }
      const must = node.must.map((q) => run(ctx, q, boost, scoring));
      let filter = eager.map((q) => run(ctx, q, 1, false).docs);
      const required = [...must.map((m) => m.docs), ...filter];
      const rarest = required.reduce((min, l) => Math.min(min, l.length), Infinity);
      // Checking a candidate's values is far cheaper than materializing a wide range.
      const useDeferred = deferred.length > 0 && rarest * 4 <= ctx.view.maxDoc;
      if (!useDeferred && deferred.length > 0) {
        filter = [...filter, ...node.filter.filter((q) => !eager.includes(q)).map((q) => run(ctx, q, 1, false).docs)];
      }
      const combined = combineBool({
        must,
        filter,
        mustNot: node.mustNot.map((q) => run(ctx, q, 1, false).docs),
        should: node.should.map((q) => run(ctx, q, boost, scoring)),
        minimumShouldMatch: msm,
        scoring,
        maxDoc: ctx.view.maxDoc,
        allDocs: () => allDocs(ctx.view),
      });
      return useDeferred ? keepWhere(combined, (doc) => deferred.every((p) => p(doc))) : combined;
    }
    case 'dis_max':
      return disMax(
        node.queries.map((q) => run(ctx, q, boost, scoring)),
        node.tieBreaker,
        scoring,
      );
    case 'boosting': {
      const positive = run(ctx, node.positive, boost, scoring);
      const negative = run(ctx, node.negative, 1, false).docs;
      if (!scoring || negative.length === 0) return positive;
      const scores = new Float32Array(positive.docs.length);
      const hits = new Set(Array.from(subtract(positive.docs, [negative])));
      for (let i = 0; i < positive.docs.length; i++) {
        const s = positive.scores ? positive.scores[i] : positive.constant;
        scores[i] = hits.has(positive.docs[i]) ? s : Math.fround(s * node.negativeBoost);
      }
      return { docs: positive.docs, scores, constant: 0 };
    }
    case 'match':
      return matchQuery(ctx, node, boost, scoring);
    case 'match_phrase':
      return matchPhraseQuery(ctx, node, boost, scoring);
    case 'multi_match':
      return multiMatchQuery(ctx, node, boost, scoring);
    case 'simple_query_string':
      return simpleQueryStringQuery(ctx, node, boost, scoring);
  }
}

