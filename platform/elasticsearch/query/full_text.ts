/**
 * Full-text queries (§7): match, match_phrase, multi_match, built from analyzed terms and scored with
 * LegacyBM25. On keyword, number, date, bool and ip fields they act as a term query.
 */
import { getAnalyzer, type Analyzer, type Token } from '../analysis';
import { EsError } from '../errors';
import type { FieldIndex, SearchView, TextFieldIndex } from '../search_view';
import type { MatchNode, MatchOptions, MatchPhraseNode, MultiMatchNode, TermValue, ZeroTermsQuery } from './ast';
import { avgFieldLength, createBm25Scorer, idf } from './bm25';
import { advance, intersectAll } from './doc_set';
import { fieldGroup, keywordTerm } from './field_values';
import { allDocs, liveCount, searchableField, termOnField, textTermMatches, type QueryContext } from './leaf_queries';
import { combineBool, constantMatches, disMax, NO_MATCHES, type Matches } from './matches';
import { resolveMinimumShouldMatch } from './minimum_should_match';
import { isSimpleMatch } from './wildcard';

export function searchAnalyzer(fi: TextFieldIndex, override: string | undefined): Analyzer {
  const p = fi.mapping.params;
  const name = override ?? (typeof p.search_analyzer === 'string' ? p.search_analyzer : undefined) ?? (typeof p.analyzer === 'string' ? p.analyzer : undefined) ?? 'standard';
  return getAnalyzer(name);
}

function zeroTerms(ctx: QueryContext, mode: ZeroTermsQuery, boost: number): Matches {
  return mode === 'all' ? constantMatches(allDocs(ctx.view), boost) : NO_MATCHES;
}

/** Runs `build`, turning per-field value errors into no matches when lenient. */
function leniently(lenient: boolean, build: () => Matches): Matches {
  if (!lenient) return build();
  try {
    return build();
  } catch (e) {
    if (e instanceof EsError && e.meta.embedded_unsupported !== undefined) throw e;
    return NO_MATCHES;
  }
}

export function matchQuery(ctx: QueryContext, node: MatchNode, boost: number, scoring: boolean): Matches {
  const fi = searchableField(ctx, node.field);
  if (!fi) return NO_MATCHES;
  return matchOnField(ctx, fi, node.query, node, boost, scoring);
}

export function matchOnField(ctx: QueryContext, fi: FieldIndex, query: TermValue, opts: MatchOptions, boost: number, scoring: boolean): Matches {
  if (fi.kind !== 'text') {
    return leniently(opts.lenient, () => {
      if (opts.fuzziness !== undefined && fi.kind === 'terms' && fieldGroup(fi.mapping.type) === 'keyword') {
        const term = keywordTerm(fi.mapping, query);
        return fuzzyTerms(ctx, fi, term, opts, boost, scoring);
      }
      return termOnField(ctx, fi, query, false, boost, scoring);
    });
  }
  const tokens = searchAnalyzer(fi, opts.analyzer).analyze(String(query));
  if (tokens.length === 0) return zeroTerms(ctx, opts.zeroTermsQuery, boost);
  const clauses = tokens.map((t) =>
    opts.fuzziness !== undefined ? fuzzyTerms(ctx, fi, t.term, opts, boost, scoring) : textTermMatches(ctx, fi, t.term, boost, scoring),
  );
  if (clauses.length === 1) return clauses[0];
  return boolOfTerms(ctx, clauses, opts.operator === 'and', opts.minimumShouldMatch, scoring);
}

export function boolOfTerms(ctx: QueryContext, clauses: Matches[], and: boolean, msm: MatchOptions['minimumShouldMatch'], scoring: boolean): Matches {
  return combineBool({
    must: and ? clauses : [],
    filter: [],
    mustNot: [],
    should: and ? [] : clauses,
    minimumShouldMatch: and ? 0 : resolveMinimumShouldMatch(clauses.length, msm),
    scoring,
    maxDoc: ctx.view.maxDoc,
    allDocs: () => allDocs(ctx.view),
  });
}

// ---------- fuzzy ----------

export function maxEdits(fuzziness: string, termLength: number): number {
  const f = fuzziness.trim().toUpperCase();
  if (f.startsWith('AUTO')) {
    let low = 3;
    let high = 6;
    const m = /^AUTO:(\d+),(\d+)$/.exec(f);
    if (m) {
      low = Number(m[1]);
      high = Number(m[2]);
    }
    return termLength < low ? 0 : termLength < high ? 1 : 2;
  }
  const n = Number(f);
  if (!Number.isFinite(n)) throw new EsError(400, 'illegal_argument_exception', `failed to parse [${fuzziness}] as fuzziness`);
  return Math.min(2, Math.max(0, Math.floor(n)));
}

/** Damerau (optimal string alignment) distance, giving up above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= x.length; i++) {
    rows.push(new Array<number>(y.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= y.length; j++) rows[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
  }
  return rows[x.length][y.length];
}

/** Expands a term to dictionary terms within the edit distance; each scores as a term (sum). */
export function fuzzyTerms(
  ctx: QueryContext,
  fi: FieldIndex,
  term: string,
  opts: { fuzziness?: string; prefixLength: number; maxExpansions: number },
  boost: number,
  scoring: boolean,
  editsOverride?: number,
): Matches {
  if (fi.kind === 'numeric') return NO_MATCHES;
  const edits = editsOverride ?? maxEdits(opts.fuzziness ?? 'AUTO', [...term].length);
  if (edits === 0) {
    return fi.kind === 'text' ? textTermMatches(ctx, fi, term, boost, scoring) : termOnField(ctx, fi, term, false, boost, scoring);
  }
  const prefix = [...term].slice(0, opts.prefixLength).join('');
  const candidates: { term: string; distance: number }[] = [];
  for (const t of fi.terms()) {
    if (!t.startsWith(prefix)) continue;
    const d = editDistance(term, t, edits);
    if (d <= edits) candidates.push({ term: t, distance: d });
  }
  candidates.sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const chosen = candidates.slice(0, Math.max(1, opts.maxExpansions));
  const clauses = chosen.map((c) => {
    const len = Math.min([...c.term].length, [...term].length);
    const scaled = Math.fround(boost * (c.distance === 0 ? 1 : Math.max(0, 1 - c.distance / Math.max(1, len))));
    return fi.kind === 'text' ? textTermMatches(ctx, fi, c.term, scaled, scoring) : termOnField(ctx, fi, c.term, false, scaled, scoring);
  });
  if (clauses.length === 0) return NO_MATCHES;
  if (clauses.length === 1) return clauses[0];
  return boolOfTerms(ctx, clauses, false, undefined, scoring);
}

// ---------- phrases ----------

export function matchPhraseQuery(ctx: QueryContext, node: MatchPhraseNode, boost: number, scoring: boolean): Matches {
  const fi = searchableField(ctx, node.field);
  if (!fi) return NO_MATCHES;
  return phraseOnField(ctx, fi, node.query, node.slop, node.analyzer, node.zeroTermsQuery, boost, scoring, false);
}

export function phraseOnField(
  ctx: QueryContext,
  fi: FieldIndex,
  query: TermValue,
  slop: number,
  analyzer: string | undefined,
  zero: ZeroTermsQuery,
  boost: number,
  scoring: boolean,
  lenient: boolean,
): Matches {
  if (fi.kind !== 'text') return leniently(lenient, () => termOnField(ctx, fi, query, false, boost, scoring));
  const tokens = searchAnalyzer(fi, analyzer).analyze(String(query));
  if (tokens.length === 0) return zeroTerms(ctx, zero, boost);
  if (tokens.length === 1) return textTermMatches(ctx, fi, tokens[0].term, boost, scoring);
  return phraseMatches(ctx, fi, tokens, slop, boost, scoring);
}

export function phraseMatches(ctx: QueryContext, fi: TextFieldIndex, tokens: readonly Token[], slop: number, boost: number, scoring: boolean): Matches {
  const postings = [];
  for (const t of tokens) {
    const p = fi.postings(t.term);
    if (!p || p.docs.length === 0) return NO_MATCHES;
    postings.push(p);
  }
  const offsets = tokens.map((t) => t.position - tokens[0].position);
  const candidates = intersectAll(postings.map((p) => p.docs));
  const docs: number[] = [];
  const freqs: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const doc = candidates[i];
    const positions = tokens.map((t) => fi.positions(t.term, doc));
    const freq = slop === 0 ? exactPhraseFreq(positions, offsets) : sloppyPhraseFreq(positions, offsets, slop);
    if (freq > 0) {
      docs.push(doc);
      freqs.push(freq);
    }
  }
  const docIds = Int32Array.from(docs);
  if (!scoring) return constantMatches(docIds, boost);
  // Lucene sums the terms' float idfs in double, then casts (BM25Similarity.idfExplain).
  let idfSum = 0;
  for (const p of postings) idfSum += idf(liveCount(ctx.view, p.docs), fi.docCount);
  const scorer = createBm25Scorer(boost, Math.fround(idfSum), avgFieldLength(fi.sumTotalTermFreq, fi.docCount));
  const scores = new Float32Array(docIds.length);
  for (let i = 0; i < docIds.length; i++) scores[i] = scorer.score(freqs[i], fi.fieldLength(docIds[i]));
  return { docs: docIds, scores, constant: 0 };
}

function exactPhraseFreq(positions: Int32Array[], offsets: number[]): number {
  let freq = 0;
  const cursors = new Array<number>(positions.length).fill(0);
  outer: for (const p0 of positions[0]) {
    for (let k = 1; k < positions.length; k++) {
      const want = p0 + offsets[k];
      const c = advance(positions[k], cursors[k], want);
      cursors[k] = c;
      if (c >= positions[k].length) break outer;
      if (positions[k][c] !== want) continue outer;
    }
    freq++;
  }
  return freq;
}

/**
 * Sloppy matching in the spirit of Lucene's SloppyPhraseMatcher: slide over each term's positions
 * (shifted by its offset in the phrase); a window whose spread is within `slop` is a match weighing
 * 1/(1 + spread). Repeated terms may not share a position.
 */
function sloppyPhraseFreq(positions: Int32Array[], offsets: number[], slop: number): number {
  const n = positions.length;
  const idx = new Array<number>(n).fill(0);
  let freq = Math.fround(0);
  for (;;) {
    let min = Infinity;
    let max = -Infinity;
    let minK = 0;
    const used = new Set<number>();
    let collision = false;
    for (let k = 0; k < n; k++) {
      const raw = positions[k][idx[k]];
      if (used.has(raw)) collision = true;
      used.add(raw);
      const v = raw - offsets[k];
      if (v < min) {
        min = v;
        minK = k;
      }
      if (v > max) max = v;
    }
    const spread = max - min;
    if (!collision && spread <= slop) freq = Math.fround(freq + Math.fround(1 / (1 + spread)));
    idx[minK]++;
    if (idx[minK] >= positions[minK].length) break;
  }
  return freq;
}

// ---------- multi_match ----------

export interface WeightedField {
  field: string;
  boost: number;
}

const TEXT_SEARCHABLE = new Set(['text', 'match_only_text', 'keyword', 'constant_keyword', 'wildcard', 'flattened']);

/** Resolves `field^boost` patterns against a view; `*` alone selects text-searchable fields only. */
export function resolveFields(view: SearchView, patterns: readonly string[]): { fields: WeightedField[]; all: boolean } {
  const out = new Map<string, number>();
  let all = false;
  for (const raw of patterns) {
    const caret = raw.lastIndexOf('^');
    const pattern = caret > 0 ? raw.slice(0, caret) : raw;
    const boost = caret > 0 ? Math.fround(Number(raw.slice(caret + 1))) : 1;
    if (pattern === '*' || pattern === '_all') {
      all = true;
      for (const p of view.fieldPaths()) {
        const m = view.mapping(p);
        if (m && TEXT_SEARCHABLE.has(m.type) && !p.startsWith('_') && !out.has(p)) out.set(p, boost);
      }
    } else if (pattern.includes('*')) {
      for (const p of view.fieldPaths()) if (isSimpleMatch(pattern, p) && !out.has(p)) out.set(p, boost);
    } else if (view.mapping(pattern) && !out.has(pattern)) {
      out.set(pattern, boost);
    }
  }
  return { fields: [...out].map(([field, boost]) => ({ field, boost })), all };
}

export function multiMatchQuery(ctx: QueryContext, node: MultiMatchNode, boost: number, scoring: boolean): Matches {
  const { fields, all } = resolveFields(ctx.view, node.fields ?? ctx.view.settings.defaultFields);
  const lenient = node.lenient || all || node.fields === undefined;
  const clauses: Matches[] = [];
  for (const { field, boost: fieldBoost } of fields) {
    const fi = ctx.view.field(field);
    if (!fi) continue;
    const b = Math.fround(boost * fieldBoost);
    const m =
      node.type === 'phrase'
        ? phraseOnField(ctx, fi, node.query, node.slop, node.analyzer, node.zeroTermsQuery, b, scoring, lenient)
        : matchOnField(ctx, fi, node.query, { ...node, lenient }, b, scoring);
    if (m.docs.length > 0) clauses.push(m);
  }
  if (clauses.length === 0) return NO_MATCHES;
  if (node.type === 'most_fields') return boolOfTerms(ctx, clauses, false, undefined, scoring);
  return disMax(clauses, node.tieBreaker, scoring);
}

