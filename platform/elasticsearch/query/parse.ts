/**
 * Query DSL parser: JSON → QueryNode with Elasticsearch's parse errors. Queries Elasticsearch knows but
 * this store does not execute are rejected with the §11 error and its feature id.
 */
import { parsingException, unsupported, EsError } from '../errors';
import type {
  BoolNode,
  MatchOptions,
  MinimumShouldMatch,
  MultiMatchNode,
  Operator,
  QueryNode,
  SimpleQueryStringNode,
  TermValue,
  ZeroTermsQuery,
} from './ast';
import { SQS_ALL_FLAGS, SQS_FLAGS } from './ast';
import { isPlainObject, tokenName } from './json_tokens';

/** Known Elasticsearch queries outside the subset → §11 feature id. */
const UNSUPPORTED_QUERIES: Record<string, string> = {
  script: 'script',
  script_score: 'script',
  function_score: 'script',
  nested: 'nested',
  has_child: 'join',
  has_parent: 'join',
  parent_id: 'join',
  knn: 'knn',
  sparse_vector: 'semantic',
  semantic: 'semantic',
  text_expansion: 'semantic',
  weighted_tokens: 'semantic',
  query_string: 'other',
  regexp: 'other',
  fuzzy: 'other',
  geo_bounding_box: 'other',
  geo_distance: 'other',
  geo_grid: 'other',
  geo_polygon: 'other',
  geo_shape: 'other',
  shape: 'other',
  more_like_this: 'other',
  percolate: 'other',
  intervals: 'other',
  span_containing: 'other',
  span_field_masking: 'other',
  span_first: 'other',
  span_multi: 'other',
  span_near: 'other',
  span_not: 'other',
  span_or: 'other',
  span_term: 'other',
  span_within: 'other',
  pinned: 'other',
  rule: 'other',
  distance_feature: 'other',
  rank_feature: 'other',
  terms_set: 'other',
  wrapper: 'other',
  combined_fields: 'other',
  match_bool_prefix: 'other',
  match_phrase_prefix: 'other',
};

export function parseQuery(json: unknown): QueryNode {
  if (!isPlainObject(json)) throw parsingException('[_na] query malformed, must start with start_object');
  const keys = Object.keys(json);
  if (keys.length === 0) throw parsingException('query malformed, empty clause found');
  if (keys.length > 1) {
    throw parsingException(`[${keys[0]}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]`);
  }
  const name = keys[0];
  const body = json[name];
  const feature = UNSUPPORTED_QUERIES[name] ?? (name.startsWith('geo_') || name.startsWith('span_') ? 'other' : undefined);
  if (feature !== undefined) throw unsupported(feature, `[${name}] query`);
  const parser = PARSERS[name];
  if (!parser) throw parsingException(`unknown query [${name}]`);
  if (!isPlainObject(body)) {
    throw parsingException(`[${name}] query malformed, no start_object after query name`);
  }
  // `_name` is read by the clause's own parameters; nested clauses save and restore it.
  const saved = pendingName;
  pendingName = undefined;
  try {
    const node = parser(body);
    if (pendingName !== undefined) queryNames.set(node, pendingName);
    return node;
  } finally {
    pendingName = saved;
  }
}

let pendingName: string | undefined;
const queryNames = new WeakMap<QueryNode, string>();

/** The `_name` given to a parsed clause, if any. */
export function queryName(node: QueryNode): string | undefined {
  return queryNames.get(node);
}

type Parser = (body: Record<string, unknown>) => QueryNode;

const PARSERS: Record<string, Parser> = {
  match_all: (b) => {
    const p = params('match_all', b, ['boost', '_name']);
    return { kind: 'match_all', boost: p.boost() };
  },
  match_none: (b) => {
    const p = params('match_none', b, ['boost', '_name']);
    return { kind: 'match_none', boost: p.boost() };
  },
  term: (b) => {
    const { field, value } = singleField('term', b);
    if (isPlainObject(value)) {
      const p = params('term', value, ['value', 'boost', '_name', 'case_insensitive']);
      return {
        kind: 'term',
        field,
        value: scalar('term', value.value),
        caseInsensitive: p.bool('case_insensitive', false),
        boost: p.boost(),
      };
    }
    return { kind: 'term', field, value: scalar('term', value), caseInsensitive: false, boost: 1 };
  },
  terms: (b) => {
    let field: string | undefined;
    let values: TermValue[] = [];
    let boost = 1;
    for (const [k, v] of Object.entries(b)) {
      if (k === 'boost') boost = toBoost('terms', v);
      else if (k === '_name') {
        if (typeof v === 'string') pendingName = v;
      }
      else {
        if (field !== undefined) {
          throw parsingException(`[terms] query does not support multiple fields, found [${field}] and [${k}]`);
        }
        field = k;
        if (isPlainObject(v)) throw unsupported('other', 'the [terms] lookup');
        if (!Array.isArray(v)) throw parsingException(`[terms] query does not support [${k}]`);
        values = v.map((x) => scalar('terms', x));
      }
    }
    if (field === undefined) throw parsingException('[terms] query requires a field name, followed by array of terms or a document lookup specification');
    return { kind: 'terms', field, values, boost };
  },
  range: (b) => {
    const { field, value } = singleField('range', b);
    if (!isPlainObject(value)) throw parsingException(`[range] query does not support [${field}]`);
    const p = params('range', value, [
      'gt', 'gte', 'lt', 'lte', 'from', 'to', 'include_lower', 'include_upper', 'format', 'time_zone', 'boost', '_name', 'relation',
    ]);
    const bound = (k: string): TermValue | undefined => {
      const v = value[k];
      return v === undefined || v === null ? undefined : scalar('range', v);
    };
    let gt = bound('gt');
    let gte = bound('gte');
    let lt = bound('lt');
    let lte = bound('lte');
    const from = bound('from');
    const to = bound('to');
    if (from !== undefined) {
      if (p.bool('include_lower', true)) gte = from;
      else gt = from;
    }
    if (to !== undefined) {
      if (p.bool('include_upper', true)) lte = to;
      else lt = to;
    }
    if (gt !== undefined && gte !== undefined) gte = undefined;
    if (lt !== undefined && lte !== undefined) lte = undefined;
    return { kind: 'range', field, gt, gte, lt, lte, format: p.str('format'), timeZone: p.str('time_zone'), boost: p.boost() };
  },
  exists: (b) => {
    const p = params('exists', b, ['field', 'boost', '_name']);
    const field = p.str('field');
    if (field === undefined) throw parsingException('[exists] must be provided with a [field]');
    return { kind: 'exists', field, boost: p.boost() };
  },
  ids: (b) => {
    const p = params('ids', b, ['values', 'boost', '_name', 'type']);
    const values = b.values ?? [];
    if (!Array.isArray(values)) throw parsingException('[ids] query does not support [values]');
    return { kind: 'ids', values: values.map((v) => String(scalar('ids', v))), boost: p.boost() };
  },
  prefix: (b) => patternQuery('prefix', b),
  wildcard: (b) => patternQuery('wildcard', b),
  constant_score: (b) => {
    const p = params('constant_score', b, ['filter', 'boost', '_name']);
    if (b.filter === undefined) throw parsingException("[constant_score] requires a 'filter' element");
    return { kind: 'constant_score', filter: parseQuery(b.filter), boost: p.boost() };
  },
  bool: (b) => {
    const p = params('bool', b, ['must', 'filter', 'must_not', 'should', 'minimum_should_match', 'boost', '_name', 'adjust_pure_negative']);
    const clauses = (k: string): QueryNode[] => {
      const v = b[k];
      if (v === undefined || v === null) return [];
      if (Array.isArray(v)) return v.map(parseQuery);
      return [parseQuery(v)];
    };
    const node: BoolNode = {
      kind: 'bool',
      must: clauses('must'),
      filter: clauses('filter'),
      mustNot: clauses('must_not'),
      should: clauses('should'),
      minimumShouldMatch: msm('bool', b.minimum_should_match),
      boost: p.boost(),
    };
    return node;
  },
  dis_max: (b) => {
    const p = params('dis_max', b, ['queries', 'tie_breaker', 'boost', '_name']);
    const queries = b.queries;
    if (queries === undefined) throw parsingException('[dis_max] requires \'queries\' field with at least one clause');
    const list = Array.isArray(queries) ? queries.map(parseQuery) : [parseQuery(queries)];
    return { kind: 'dis_max', queries: list, tieBreaker: p.num('tie_breaker', 0), boost: p.boost() };
  },
  boosting: (b) => {
    const p = params('boosting', b, ['positive', 'negative', 'negative_boost', 'boost', '_name']);
    if (b.positive === undefined) throw parsingException('[boosting] query requires \'positive\' query');
    if (b.negative === undefined) throw parsingException('[boosting] query requires \'negative\' query');
    const negativeBoost = p.num('negative_boost', -1);
    if (negativeBoost < 0) throw parsingException('[boosting] query requires \'negative_boost\' to be set to be a positive value\'');
    return { kind: 'boosting', positive: parseQuery(b.positive), negative: parseQuery(b.negative), negativeBoost, boost: p.boost() };
  },
  match: (b) => {
    const { field, value } = singleField('match', b);
    if (!isPlainObject(value)) return { kind: 'match', field, query: scalar('match', value), ...defaultMatchOptions(), boost: 1 };
    const p = params('match', value, [
      'query', 'operator', 'minimum_should_match', 'analyzer', 'zero_terms_query', 'lenient', 'fuzziness', 'prefix_length',
      'max_expansions', 'fuzzy_transpositions', 'fuzzy_rewrite', 'auto_generate_synonyms_phrase_query', 'boost', '_name',
    ]);
    if (value.query === undefined || value.query === null) throw parsingException('No text specified for text query');
    return { kind: 'match', field, query: scalar('match', value.query), ...matchOptions('match', p), boost: p.boost() };
  },
  match_phrase: (b) => {
    const { field, value } = singleField('match_phrase', b);
    if (!isPlainObject(value)) {
      return { kind: 'match_phrase', field, query: scalar('match_phrase', value), slop: 0, zeroTermsQuery: 'none', boost: 1 };
    }
    const p = params('match_phrase', value, ['query', 'slop', 'analyzer', 'zero_terms_query', 'boost', '_name']);
    if (value.query === undefined || value.query === null) throw parsingException('No text specified for text query');
    return {
      kind: 'match_phrase',
      field,
      query: scalar('match_phrase', value.query),
      slop: p.num('slop', 0),
      analyzer: p.str('analyzer'),
      zeroTermsQuery: zeroTerms('match_phrase', p.str('zero_terms_query')),
      boost: p.boost(),
    };
  },
  multi_match: (b) => {
    const p = params('multi_match', b, [
      'query', 'fields', 'type', 'tie_breaker', 'operator', 'minimum_should_match', 'analyzer', 'lenient', 'zero_terms_query',
      'slop', 'fuzziness', 'prefix_length', 'max_expansions', 'fuzzy_transpositions', 'fuzzy_rewrite',
      'auto_generate_synonyms_phrase_query', 'boost', '_name',
    ]);
    if (b.query === undefined || b.query === null) throw parsingException('[multi_match] requires query value');
    const type = (p.str('type') ?? 'best_fields').toLowerCase();
    if (type === 'cross_fields' || type === 'phrase_prefix' || type === 'bool_prefix') {
      throw unsupported('other', `[multi_match] type [${type}]`);
    }
    if (type !== 'best_fields' && type !== 'most_fields' && type !== 'phrase') {
      throw parsingException(`failed to parse [multi_match] query type [${type}]. unknown type.`);
    }
    let fields: string[] | undefined;
    if (typeof b.fields === 'string') fields = [b.fields];
    else if (Array.isArray(b.fields)) fields = b.fields.map((f) => String(f));
    else if (b.fields !== undefined) throw parsingException('[multi_match] query does not support [fields]');
    const node: MultiMatchNode = {
      kind: 'multi_match',
      query: scalar('multi_match', b.query),
      fields,
      type,
      tieBreaker: p.num('tie_breaker', 0),
      slop: p.num('slop', 0),
      ...matchOptions('multi_match', p),
      boost: p.boost(),
    };
    return node;
  },
  simple_query_string: (b) => {
    const p = params('simple_query_string', b, [
      'query', 'fields', 'default_operator', 'flags', 'minimum_should_match', 'lenient', 'analyzer', 'analyze_wildcard',
      'quote_field_suffix', 'auto_generate_synonyms_phrase_query', 'fuzzy_prefix_length', 'fuzzy_max_expansions',
      'fuzzy_transpositions', 'boost', '_name',
    ]);
    if (typeof b.query !== 'string') throw parsingException('[simple_query_string] query text missing');
    let fields: string[] | undefined;
    if (typeof b.fields === 'string') fields = [b.fields];
    else if (Array.isArray(b.fields)) fields = b.fields.map((f) => String(f));
    const node: SimpleQueryStringNode = {
      kind: 'simple_query_string',
      query: b.query,
      fields,
      defaultOperator: operator('simple_query_string', p.str('default_operator')),
      flags: sqsFlags(b.flags),
      minimumShouldMatch: msm('simple_query_string', b.minimum_should_match),
      lenient: b.lenient === undefined ? undefined : p.bool('lenient', false),
      analyzer: p.str('analyzer'),
      analyzeWildcard: p.bool('analyze_wildcard', false),
      quoteFieldSuffix: p.str('quote_field_suffix'),
      fuzzyPrefixLength: p.num('fuzzy_prefix_length', 0),
      fuzzyMaxExpansions: p.num('fuzzy_max_expansions', 50),
      boost: p.boost(),
    };
    return node;
  },
};

function patternQuery(name: 'prefix' | 'wildcard', b: Record<string, unknown>): QueryNode {
  const { field, value } = singleField(name, b);
  if (isPlainObject(value)) {
    const p = params(name, value, ['value', name, 'boost', '_name', 'case_insensitive', 'rewrite']);
    const raw = value.value ?? value[name];
    if (raw === undefined || raw === null) throw parsingException(`No value specified for ${name} query`);
    return { kind: name, field, value: String(scalar(name, raw)), caseInsensitive: p.bool('case_insensitive', false), boost: p.boost() };
  }
  return { kind: name, field, value: String(scalar(name, value)), caseInsensitive: false, boost: 1 };
}

function singleField(name: string, b: Record<string, unknown>): { field: string; value: unknown } {
  const keys = Object.keys(b);
  if (keys.length === 0) throw parsingException(`[${name}] query doesn't support empty field`);
  if (keys.length > 1) {
    throw parsingException(`[${name}] query doesn't support multiple fields, found [${keys[0]}] and [${keys[1]}]`);
  }
  const value = b[keys[0]];
  if (Array.isArray(value)) throw parsingException(`[${name}] query does not support array of values`);
  return { field: keys[0], value };
}

function scalar(name: string, v: unknown): TermValue {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v === null || v === undefined) throw parsingException(`[${name}] query value cannot be null`);
  throw parsingException(`[${name}] unknown token [${tokenName(v)}] after [value]`);
}

interface Params {
  boost(): number;
  bool(key: string, dflt: boolean): boolean;
  num(key: string, dflt: number): number;
  str(key: string): string | undefined;
}

function params(name: string, body: Record<string, unknown>, allowed: readonly string[]): Params {
  for (const k of Object.keys(body)) {
    if (!allowed.includes(k)) throw parsingException(`[${name}] query does not support [${k}]`);
  }
  if (typeof body._name === 'string') pendingName = body._name;
  return {
    boost: () => (body.boost === undefined ? 1 : toBoost(name, body.boost)),
    bool: (key, dflt) => {
      const v = body[key];
      if (v === undefined || v === null) return dflt;
      if (v === true || v === 'true') return true;
      if (v === false || v === 'false') return false;
      throw parsingException(`[${name}] failed to parse field [${key}]`);
    },
    num: (key, dflt) => {
      const v = body[key];
      if (v === undefined || v === null) return dflt;
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
      if (!Number.isFinite(n)) throw parsingException(`[${name}] failed to parse field [${key}]`);
      return n;
    },
    str: (key) => {
      const v = body[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      throw parsingException(`[${name}] failed to parse field [${key}]`);
    },
  };
}

function toBoost(name: string, v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw parsingException(`[${name}] failed to parse field [boost]`);
  if (n < 0) throw new EsError(400, 'illegal_argument_exception', `negative [boost] are not allowed in [${name}]`);
  return Math.fround(n);
}

function msm(name: string, v: unknown): MinimumShouldMatch {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  throw parsingException(`[${name}] failed to parse field [minimum_should_match]`);
}

function operator(name: string, v: string | undefined): Operator {
  if (v === undefined) return 'or';
  const lower = v.toLowerCase();
  if (lower === 'or' || lower === 'and') return lower;
  throw parsingException(`[${name}] unknown operator [${v}]`);
}

function zeroTerms(name: string, v: string | undefined): ZeroTermsQuery {
  if (v === undefined) return 'none';
  const lower = v.toLowerCase();
  if (lower === 'none' || lower === 'all') return lower;
  throw parsingException(`Unsupported zero_terms_query value [${v}]`);
}

function defaultMatchOptions(): MatchOptions {
  return { operator: 'or', minimumShouldMatch: undefined, zeroTermsQuery: 'none', lenient: false, prefixLength: 0, maxExpansions: 50 };
}

function matchOptions(name: string, p: Params): MatchOptions {
  return {
    operator: operator(name, p.str('operator')),
    minimumShouldMatch: p.str('minimum_should_match'),
    analyzer: p.str('analyzer'),
    zeroTermsQuery: zeroTerms(name, p.str('zero_terms_query')),
    lenient: p.bool('lenient', false),
    fuzziness: p.str('fuzziness'),
    prefixLength: p.num('prefix_length', 0),
    maxExpansions: p.num('max_expansions', 50),
  };
}

function sqsFlags(v: unknown): number {
  if (v === undefined || v === null) return SQS_ALL_FLAGS;
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') throw parsingException('[simple_query_string] failed to parse field [flags]');
  let flags = 0;
  for (const part of v.split('|')) {
    const name = part.trim().toUpperCase();
    if (name === '') continue;
    if (name === 'ALL') flags = SQS_ALL_FLAGS;
    else if (name === 'NONE') continue;
    else if (name in SQS_FLAGS) flags |= SQS_FLAGS[name as keyof typeof SQS_FLAGS];
    else throw new EsError(400, 'illegal_argument_exception', `Unknown simple_query_string flag [${part.trim()}]`);
  }
  return flags;
}
