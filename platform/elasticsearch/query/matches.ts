/**
 * The result of executing a query on one view: matching doc ids (ascending) and their float32 scores.
 * Combinators follow Lucene: bool sums clause scores in double and rounds once to float; dis_max takes
 * the best clause plus tie_breaker × the others.
 */
import { advance, EMPTY_DOCS, intersectAll, locate, subtract, unionAll } from './doc_set';

export interface Matches {
  readonly docs: Int32Array;
  /** Score of `docs[i]` (float32 values); undefined when every doc scores `constant`. */
  readonly scores: Float32Array | undefined;
  readonly constant: number;
}

export const NO_MATCHES: Matches = { docs: EMPTY_DOCS, scores: undefined, constant: 0 };

export function constantMatches(docs: Int32Array, score: number): Matches {
  return { docs, scores: undefined, constant: Math.fround(score) };
}

export function scoreAt(m: Matches, i: number): number {
  return m.scores ? m.scores[i] : m.constant;
}

/** Replaces every score by `score` (constant_score, filter contexts). */
export function withConstantScore(m: Matches, score: number): Matches {
  return constantMatches(m.docs, score);
}

export interface BoolParts {
  /** Scored required clauses (must). */
  must: Matches[];
  /** Unscored required clauses (filter). */
  filter: Int32Array[];
  mustNot: Int32Array[];
  should: Matches[];
  /** Already resolved; 0 means shoulds are optional (or, with no required clause, "at least one"). */
  minimumShouldMatch: number;
  scoring: boolean;
  maxDoc: number;
  /** All docs of the view, for a bool made of must_not clauses only. */
  allDocs: () => Int32Array;
}

export function combineBool(parts: BoolParts): Matches {
  const { must, filter, mustNot, should, scoring } = parts;
  const hasRequired = must.length + filter.length > 0;
  if (!hasRequired && should.length === 0) {
    // Only must_not: ES adds a match_all FILTER, which scores 0.
    return constantMatches(subtract(parts.allDocs(), mustNot), 0);
  }
  if (parts.minimumShouldMatch > should.length) return NO_MATCHES;

  if (!hasRequired) {
    const msm = Math.max(1, parts.minimumShouldMatch);
    const acc = accumulate(should, parts.maxDoc, scoring);
    let docs = acc.docs;
    let sums = acc.sums;
    if (msm > 1) {
      const keep: number[] = [];
      for (let i = 0; i < docs.length; i++) if (acc.counts[i] >= msm) keep.push(i);
      docs = gatherInt(acc.docs, keep);
      if (sums) {
        const old = sums;
        sums = gatherFloat64(old, keep);
      }
    }
    let keptIdx: Int32Array | undefined;
    if (mustNot.length > 0) {
      const remaining = subtract(docs, mustNot);
      if (remaining.length !== docs.length && sums) keptIdx = locate(docs, remaining);
      docs = remaining;
    }
    if (!scoring || !sums) return constantMatches(docs, 0);
    const scores = new Float32Array(docs.length);
    for (let i = 0; i < docs.length; i++) scores[i] = sums[keptIdx ? keptIdx[i] : i];
    return { docs, scores, constant: 0 };
  }

  let docs = intersectAll([...must.map((m) => m.docs), ...filter]);
  if (mustNot.length > 0) docs = subtract(docs, mustNot);
  const msm = parts.minimumShouldMatch;
  const needShouldInfo = msm > 0 || (scoring && should.length > 0);
  let counts: Uint16Array | undefined;
  let sums: Float64Array | undefined;
  if (scoring) {
    sums = new Float64Array(docs.length);
    for (const m of must) addScores(sums, docs, m);
  }
  if (needShouldInfo) {
    counts = new Uint16Array(docs.length);
    for (const m of should) {
      let c = 0;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i];
        c = advance(m.docs, c, doc);
        if (c < m.docs.length && m.docs[c] === doc) {
          counts[i]++;
          if (sums) sums[i] += scoreAt(m, c);
        }
      }
    }
  }
  if (msm > 0 && counts) {
    const keep: number[] = [];
    for (let i = 0; i < docs.length; i++) if (counts[i] >= msm) keep.push(i);
    if (keep.length !== docs.length) {
      const oldDocs = docs;
      docs = gatherInt(oldDocs, keep);
      if (sums) {
        const old = sums;
        sums = gatherFloat64(old, keep);
      }
    }
  }
  if (!scoring || !sums) return constantMatches(docs, 0);
  if (must.length === 0 && should.length === 0) return constantMatches(docs, 0);
  const scores = new Float32Array(sums.length);
  for (let i = 0; i < sums.length; i++) scores[i] = sums[i];
  return { docs, scores, constant: 0 };
}

function addScores(sums: Float64Array, docs: Int32Array, m: Matches): void {
  if (!m.scores) {
    for (let i = 0; i < docs.length; i++) sums[i] += m.constant;
    return;
  }
  const pos = locate(m.docs, docs);
  for (let i = 0; i < docs.length; i++) sums[i] += m.scores[pos[i]];
}

interface Accumulated {
  docs: Int32Array;
  counts: Uint16Array;
  sums: Float64Array | undefined;
}

/** Disjunction: every doc matched by any clause, with how many clauses matched and their score sum. */
function accumulate(clauses: Matches[], maxDoc: number, scoring: boolean): Accumulated {
  if (clauses.length === 1) {
    const m = clauses[0];
    const sums = scoring ? new Float64Array(m.docs.length) : undefined;
    if (sums) for (let i = 0; i < m.docs.length; i++) sums[i] = scoreAt(m, i);
    const counts = new Uint16Array(m.docs.length);
    counts.fill(1);
    return { docs: m.docs, counts, sums };
  }
  const docs = unionAll(clauses.map((m) => m.docs));
  const counts = new Uint16Array(docs.length);
  const sums = scoring ? new Float64Array(docs.length) : undefined;
  if (docs.length * 4 > maxDoc && maxDoc > 0) {
    // Dense slots beat per-clause merges when the union covers a good part of the view.
    const slot = new Int32Array(maxDoc);
    for (let i = 0; i < docs.length; i++) slot[docs[i]] = i;
    for (const m of clauses) {
      for (let i = 0; i < m.docs.length; i++) {
        const s = slot[m.docs[i]];
        counts[s]++;
        if (sums) sums[s] += scoreAt(m, i);
      }
    }
  } else {
    for (const m of clauses) {
      const pos = locate(docs, m.docs);
      for (let i = 0; i < m.docs.length; i++) {
        counts[pos[i]]++;
        if (sums) sums[pos[i]] += scoreAt(m, i);
      }
    }
  }
  return { docs, counts, sums };
}

/** Lucene DisjunctionMaxScorer: max + tieBreaker × (sum of the others), in float/double as Lucene. */
export function disMax(clauses: Matches[], tieBreaker: number, scoring: boolean): Matches {
  if (clauses.length === 0) return NO_MATCHES;
  if (clauses.length === 1) return clauses[0];
  const docs = unionAll(clauses.map((m) => m.docs));
  if (!scoring) return constantMatches(docs, 0);
  const max = new Float32Array(docs.length);
  const others = new Float64Array(docs.length);
  const seen = new Uint8Array(docs.length);
  for (const m of clauses) {
    const pos = locate(docs, m.docs);
    for (let i = 0; i < m.docs.length; i++) {
      const p = pos[i];
      const s = scoreAt(m, i);
      if (!seen[p]) {
        seen[p] = 1;
        max[p] = s;
      } else if (s > max[p]) {
        others[p] += max[p];
        max[p] = s;
      } else {
        others[p] += s;
      }
    }
  }
  const tie = Math.fround(tieBreaker);
  const scores = new Float32Array(docs.length);
  for (let i = 0; i < docs.length; i++) scores[i] = max[i] + others[i] * tie;
  return { docs, scores, constant: 0 };
}

/** Keeps the docs of `m` that are also in `filter` (sorted), with their scores. */
export function restrict(m: Matches, filter: Int32Array): Matches {
  const docs = intersectAll([m.docs, filter]);
  if (!m.scores || docs.length === m.docs.length) return docs.length === m.docs.length ? m : { ...m, docs };
  const pos = locate(m.docs, docs);
  const scores = new Float32Array(docs.length);
  for (let i = 0; i < docs.length; i++) scores[i] = m.scores[pos[i]];
  return { docs, scores, constant: 0 };
}

export function gatherInt(src: Int32Array, indices: readonly number[]): Int32Array {
  const out = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = src[indices[i]];
  return out;
}

function gatherFloat64(src: Float64Array, indices: readonly number[]): Float64Array {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = src[indices[i]];
  return out;
}

/** The matches whose doc passes `test`, scores kept. */
export function keepWhere(m: Matches, test: (doc: number) => boolean): Matches {
  const keep: number[] = [];
  for (let i = 0; i < m.docs.length; i++) if (test(m.docs[i])) keep.push(i);
  if (keep.length === m.docs.length) return m;
  const docs = gatherInt(m.docs, keep);
  if (!m.scores) return { docs, scores: undefined, constant: m.constant };
  const scores = new Float32Array(keep.length);
  for (let i = 0; i < keep.length; i++) scores[i] = m.scores[keep[i]];
  return { docs, scores, constant: 0 };
}
