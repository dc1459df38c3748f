/**
 * Term-level queries on one view. All of them go through postings, term dictionaries or point ranges;
 * none walks every document (except `ids` building its per-view id table once).
 */
import type { FieldIndex, LeafFieldMapping, SearchView, TermsFieldIndex, TextFieldIndex } from '../search_view';
import type { ExistsNode, IdsNode, PrefixNode, RangeNode, TermNode, TermsNode, TermValue, WildcardNode } from './ast';
import { avgFieldLength, createBm25Scorer, idf } from './bm25';
import { EMPTY_DOCS, rangeDocs, unionAll } from './doc_set';
import {
  booleanTerm,
  fieldGroup,
  ipKey,
  ipKeyRange,
  isIntegerType,
  keywordTerm,
  nextDown,
  nextUp,
  parseDateValue,
  parseNumber,
  toFieldPrecision,
} from './field_values';
import { constantMatches, NO_MATCHES, type Matches } from './matches';
import { illegalArgumentJava, queryShardException } from './query_errors';
import { wildcardToRegExp } from './wildcard';

export interface QueryContext {
  readonly view: SearchView;
  /** Fixed "now" of the request, for date math. */
  readonly now: number;
}

/** The field index of a path, or undefined when unmapped; mapped but unsearchable fields are an error. */
export function searchableField(ctx: QueryContext, field: string): FieldIndex | undefined {
  const fi = ctx.view.field(field);
  if (fi) return fi;
  if (ctx.view.mapping(field)) {
    throw queryShardException(ctx.view, `failed to create query: Cannot search on field [${field}] since it is not indexed.`);
  }
  return undefined;
}

/** Doc frequency among live docs (postings may still list deleted docs). */
export function liveCount(view: SearchView, docs: Int32Array): number {
  if (view.numDocs === view.maxDoc) return docs.length;
  let n = 0;
  for (let i = 0; i < docs.length; i++) if (view.isLive(docs[i])) n++;
  return n;
}

const allDocsCache = new WeakMap<SearchView, Int32Array>();

/** Every doc id of the view (views are immutable, so the list is built once; never mutated). */
export function allDocs(view: SearchView): Int32Array {
  let docs = allDocsCache.get(view);
  if (!docs) {
    docs = rangeDocs(view.maxDoc);
    allDocsCache.set(view, docs);
  }
  return docs;
}

// ---------- keyword-like (TermsFieldIndex) ----------

/** BM25 for a keyword/boolean term: freq = dl = 1, avgdl = sumDocFreq / docCount. */
function keywordTermMatches(ctx: QueryContext, fi: TermsFieldIndex, term: string, boost: number, scoring: boolean): Matches {
  const docs = fi.postings(term);
  if (!docs || docs.length === 0) return NO_MATCHES;
  if (!scoring || fi.mapping.type === 'ip') return constantMatches(docs, boost);
  const df = liveCount(ctx.view, docs);
  const scorer = createBm25Scorer(boost, idf(df, fi.docCount), avgFieldLength(fi.sumDocFreq, fi.docCount));
  return constantMatches(docs, scorer.score(1, 1));
}

export function textTermMatches(ctx: QueryContext, fi: TextFieldIndex, term: string, boost: number, scoring: boolean): Matches {
  const p = fi.postings(term);
  if (!p || p.docs.length === 0) return NO_MATCHES;
  if (!scoring) return constantMatches(p.docs, boost);
  const df = liveCount(ctx.view, p.docs);
  const scorer = createBm25Scorer(boost, idf(df, fi.docCount), avgFieldLength(fi.sumTotalTermFreq, fi.docCount));
  const scores = new Float32Array(p.docs.length);
  for (let i = 0; i < p.docs.length; i++) scores[i] = scorer.score(p.freqs[i], fi.fieldLength(p.docs[i]));
  return { docs: p.docs, scores, constant: 0 };
}

function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface TermBounds {
  min?: string;
  minInclusive: boolean;
  max?: string;
  maxInclusive: boolean;
}

/** Docs having a term within the bounds (binary search into the sorted dictionary). */
function termRangeDocs(fi: TermsFieldIndex | TextFieldIndex, b: TermBounds): Int32Array {
  const terms = fi.terms();
  let start = b.min === undefined ? 0 : lowerBound(terms, b.min);
  if (b.min !== undefined && !b.minInclusive && start < terms.length && terms[start] === b.min) start++;
  const lists: Int32Array[] = [];
  for (let i = start; i < terms.length; i++) {
    const t = terms[i];
    if (b.max !== undefined && (t > b.max || (!b.maxInclusive && t === b.max))) break;
    lists.push(postingsDocs(fi, t));
  }
  return unionAll(lists);
}

function postingsDocs(fi: TermsFieldIndex | TextFieldIndex, term: string): Int32Array {
  if (fi.kind === 'terms') return fi.postings(term) ?? EMPTY_DOCS;
  return fi.postings(term)?.docs ?? EMPTY_DOCS;
}

function matchingTermsDocs(fi: TermsFieldIndex | TextFieldIndex, accept: (term: string) => boolean): Int32Array {
  const lists: Int32Array[] = [];
  for (const t of fi.terms()) if (accept(t)) lists.push(postingsDocs(fi, t));
  return unionAll(lists);
}

// ---------- id table ----------

const idTables = new WeakMap<SearchView, Map<string, number[]>>();

function docsForIds(view: SearchView, ids: readonly string[]): Int32Array {
  const idField = view.field('_id');
  if (idField && idField.kind === 'terms') return unionAll(ids.map((id) => idField.postings(id) ?? EMPTY_DOCS));
  let table = idTables.get(view);
  if (!table) {
    table = new Map();
    for (let doc = 0; doc < view.maxDoc; doc++) {
      if (!view.isLive(doc)) continue;
      const id = view.id(doc);
      const list = table.get(id);
      if (list) list.push(doc);
      else table.set(id, [doc]);
    }
    idTables.set(view, table);
  }
  const docs: number[] = [];
  for (const id of new Set(ids)) docs.push(...(table.get(id) ?? []));
  return Int32Array.from(docs).sort();
}

// ---------- queries ----------

export function termQuery(ctx: QueryContext, node: TermNode, boost: number, scoring: boolean): Matches {
  if (node.field === '_id') return constantMatches(docsForIds(ctx.view, [String(node.value)]), boost);
  if (node.field === '_index') return indexNameMatches(ctx, [node.value], boost);
  const fi = searchableField(ctx, node.field);
  if (!fi) return NO_MATCHES;
  return termOnField(ctx, fi, node.value, node.caseInsensitive, boost, scoring);
}

/** A single exact value against any field type (also used by match on non-text fields). */
export function termOnField(ctx: QueryContext, fi: FieldIndex, value: TermValue, caseInsensitive: boolean, boost: number, scoring: boolean): Matches {
  const mapping = fi.mapping;
  if (fi.kind === 'text') {
    if (caseInsensitive) {
      const lower = String(value).toLowerCase();
      return constantMatches(matchingTermsDocs(fi, (t) => t.toLowerCase() === lower), boost);
    }
    return textTermMatches(ctx, fi, String(value), boost, scoring);
  }
  if (fi.kind === 'terms') {
    const group = fieldGroup(mapping.type);
    if (group === 'boolean') return keywordTermMatches(ctx, fi, booleanTerm(value), boost, scoring);
    if (group === 'ip') {
      const [lo, hi] = ipKeyRange(value);
      if (lo === hi) return keywordTermMatches(ctx, fi, lo, boost, false);
      return constantMatches(termRangeDocs(fi, { min: lo, minInclusive: true, max: hi, maxInclusive: true }), boost);
    }
    const term = keywordTerm(mapping, value);
    if (caseInsensitive) {
      const lower = term.toLowerCase();
      return constantMatches(matchingTermsDocs(fi, (t) => t.toLowerCase() === lower), boost);
    }
    return keywordTermMatches(ctx, fi, term, boost, scoring);
  }
  const [min, max] = exactNumericBounds(ctx, mapping, value);
  if (min > max) return NO_MATCHES;
  return constantMatches(fi.range(min, max), boost);
}

function exactNumericBounds(ctx: QueryContext, mapping: LeafFieldMapping, value: TermValue): [number, number] {
  if (mapping.type === 'date') {
    return [
      parseDateValue(mapping, value, { now: ctx.now, roundUp: false }),
      parseDateValue(mapping, value, { now: ctx.now, roundUp: true }),
    ];
  }
  const n = parseNumber(value);
  if (isIntegerType(mapping.type) && !Number.isInteger(n)) return [1, 0];
  const v = toFieldPrecision(mapping.type, n);
  return [v, v];
}

function indexNameMatches(ctx: QueryContext, values: readonly TermValue[], boost: number): Matches {
  const hit = values.some((v) => String(v) === ctx.view.index);
  return hit ? constantMatches(allDocs(ctx.view), boost) : NO_MATCHES;
}

export function termsQuery(ctx: QueryContext, node: TermsNode, boost: number): Matches {
  const max = ctx.view.settings.maxTermsCount;
  if (node.values.length > max) {
    throw illegalArgumentJava(
      `The number of terms [${node.values.length}] used in the Terms Query request has exceeded the allowed maximum of [${max}]. This maximum can be set by changing the [index.max_terms_count] index level setting.`,
    );
  }
  if (node.field === '_id') return constantMatches(docsForIds(ctx.view, node.values.map(String)), boost);
  if (node.field === '_index') return indexNameMatches(ctx, node.values, boost);
  const fi = searchableField(ctx, node.field);
  if (!fi || node.values.length === 0) return NO_MATCHES;
  const lists = node.values.map((v) => termOnField(ctx, fi, v, false, boost, false).docs);
  return constantMatches(unionAll(lists), boost);
}

/** Inclusive numeric bounds of a range on a numeric/date field (integers and floats adjusted). */
function numericRangeBounds(ctx: QueryContext, mapping: LeafFieldMapping, node: RangeNode): [number, number] {
  let min = -Infinity;
  let max = Infinity;
  if (mapping.type === 'date') {
    const opts = { now: ctx.now, format: node.format, timeZone: node.timeZone };
    if (node.gte !== undefined) min = parseDateValue(mapping, node.gte, { ...opts, roundUp: false });
    if (node.gt !== undefined) min = parseDateValue(mapping, node.gt, { ...opts, roundUp: true }) + 1;
    if (node.lte !== undefined) max = parseDateValue(mapping, node.lte, { ...opts, roundUp: true });
    if (node.lt !== undefined) max = parseDateValue(mapping, node.lt, { ...opts, roundUp: false }) - 1;
  } else {
    const integer = isIntegerType(mapping.type);
    const conv = (v: TermValue): number => toFieldPrecision(mapping.type, parseNumber(v));
    if (node.gte !== undefined) min = integer ? Math.ceil(parseNumber(node.gte)) : conv(node.gte);
    if (node.gt !== undefined) min = integer ? Math.floor(parseNumber(node.gt)) + 1 : nextUp(conv(node.gt));
    if (node.lte !== undefined) max = integer ? Math.floor(parseNumber(node.lte)) : conv(node.lte);
    if (node.lt !== undefined) max = integer ? Math.ceil(parseNumber(node.lt)) - 1 : nextDown(conv(node.lt));
  }
  return [min, max];
}

/**
 * A numeric range as a per-doc check, for conjunctions where another clause is much rarer: verifying
 * the few candidates beats materializing every doc of the range. Undefined when not applicable.
 */
export function rangePredicate(ctx: QueryContext, node: RangeNode): ((doc: number) => boolean) | undefined {
  const fi = ctx.view.field(node.field);
  if (!fi || fi.kind !== 'numeric') return undefined;
  const [min, max] = numericRangeBounds(ctx, fi.mapping, node);
  return (doc) => {
    const values = fi.values(doc);
    for (let i = 0; i < values.length; i++) if (values[i] >= min && values[i] <= max) return true;
    return false;
  };
}

export function rangeQuery(ctx: QueryContext, node: RangeNode, boost: number): Matches {
  const fi = searchableField(ctx, node.field);
  if (!fi) return NO_MATCHES;
  const mapping = fi.mapping;
  if (fi.kind === 'numeric') {
    const [min, max] = numericRangeBounds(ctx, mapping, node);
    if (min > max) return NO_MATCHES;
    return constantMatches(fi.range(min, max), boost);
  }
  const group = fieldGroup(mapping.type);
  const toTerm = (v: TermValue): string => {
    if (group === 'ip') return ipKey(v);
    if (group === 'boolean') return booleanTerm(v);
    if (fi.kind === 'terms') return keywordTerm(mapping, v);
    return String(v);
  };
  const bounds: TermBounds = { minInclusive: true, maxInclusive: true };
  if (node.gte !== undefined) bounds.min = toTerm(node.gte);
  if (node.gt !== undefined) {
    bounds.min = toTerm(node.gt);
    bounds.minInclusive = false;
  }
  if (node.lte !== undefined) bounds.max = toTerm(node.lte);
  if (node.lt !== undefined) {
    bounds.max = toTerm(node.lt);
    bounds.maxInclusive = false;
  }
  return constantMatches(termRangeDocs(fi, bounds), boost);
}

/** Docs with at least one indexed value of a leaf field. */
export function fieldExistsDocs(fi: FieldIndex): Int32Array {
  if (fi.kind === 'numeric') return fi.range(-Infinity, Infinity);
  return unionAll(fi.terms().map((t) => postingsDocs(fi, t)));
}

export function existsQuery(ctx: QueryContext, node: ExistsNode, boost: number): Matches {
  const { view } = ctx;
  const field = node.field;
  if (field === '_source') throw queryShardException(view, 'The _source field is not searchable');
  if (field === '_id' || field === '_index' || field === '_seq_no' || field === '_version' || field === '_primary_term') {
    return constantMatches(allDocs(view), boost);
  }
  if (field === '_routing') {
    // Rare enough that a walk over the view is acceptable: routing has no index.
    const docs: number[] = [];
    for (let doc = 0; doc < view.maxDoc; doc++) if (view.routing(doc) !== undefined) docs.push(doc);
    return constantMatches(Int32Array.from(docs), boost);
  }
  const leaves: string[] = [];
  if (field.includes('*')) {
    const re = wildcardToRegExp(field, false);
    for (const p of view.fieldPaths()) if (re.test(p)) leaves.push(p);
  } else if (view.mapping(field)) {
    leaves.push(field);
  } else if (view.objectPaths().includes(field)) {
    const prefix = `${field}.`;
    for (const p of view.fieldPaths()) if (p.startsWith(prefix)) leaves.push(p);
  }
  const lists: Int32Array[] = [];
  for (const leaf of leaves) {
    const fi = view.field(leaf);
    if (fi) lists.push(fieldExistsDocs(fi));
  }
  return constantMatches(unionAll(lists), boost);
}

export function idsQuery(ctx: QueryContext, node: IdsNode, boost: number): Matches {
  return constantMatches(docsForIds(ctx.view, node.values), boost);
}

function patternField(ctx: QueryContext, name: string, field: string): TermsFieldIndex | TextFieldIndex | undefined {
  const fi = searchableField(ctx, field);
  if (!fi) return undefined;
  const group = fieldGroup(fi.mapping.type);
  if (fi.kind === 'numeric' || group === 'ip' || group === 'boolean') {
    throw queryShardException(
      ctx.view,
      `Can only use ${name} queries on keyword, text and wildcard fields - not on [${field}] which is of type [${fi.mapping.type}]`,
    );
  }
  return fi;
}

function normalizedPattern(fi: TermsFieldIndex | TextFieldIndex, value: string): string {
  return fi.kind === 'terms' ? keywordTerm(fi.mapping, value) : value;
}

export function prefixQuery(ctx: QueryContext, node: PrefixNode, boost: number): Matches {
  const fi = patternField(ctx, 'prefix', node.field);
  if (!fi) return NO_MATCHES;
  const prefix = normalizedPattern(fi, node.value);
  if (node.caseInsensitive) {
    const lower = prefix.toLowerCase();
    return constantMatches(matchingTermsDocs(fi, (t) => t.toLowerCase().startsWith(lower)), boost);
  }
  return constantMatches(prefixDocs(fi, prefix), boost);
}

export function prefixDocs(fi: TermsFieldIndex | TextFieldIndex, prefix: string): Int32Array {
  const terms = fi.terms();
  const lists: Int32Array[] = [];
  for (let i = lowerBound(terms, prefix); i < terms.length && terms[i].startsWith(prefix); i++) {
    lists.push(postingsDocs(fi, terms[i]));
  }
  return unionAll(lists);
}

export function wildcardQuery(ctx: QueryContext, node: WildcardNode, boost: number): Matches {
  const fi = patternField(ctx, 'wildcard', node.field);
  if (!fi) return NO_MATCHES;
  const re = wildcardToRegExp(normalizedPattern(fi, node.value), node.caseInsensitive);
  return constantMatches(matchingTermsDocs(fi, (t) => re.test(t)), boost);
}

export function termDictionaryDocs(fi: TermsFieldIndex | TextFieldIndex, accept: (term: string) => boolean): Int32Array {
  return matchingTermsDocs(fi, accept);
}
