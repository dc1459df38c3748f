import { isIP } from 'node:net';
import type { estypes } from '@elastic/elasticsearch';

/**
 * Values of protected fields that occur in the outgoing text although no alert of the request holds them, e.g. the
 * triage prompt's prevalence "top sources" (host names of other alerts of the same rule). Pure parts: which words to
 * ask about, the request, and reading its answer.
 */

export const MAX_VALUE_CANDIDATES = 2_000;

// Words as identities are written: host names, FQDNs, IPv4, user names with domain (`CORP\bob`, `bob@corp`).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}._@\\$-]*[\p{L}\p{N}$]/gu;
// IPv6 keeps its colons; IPv4 with a port is split by WORD already.
const IPV6 = /(?<![\p{L}\p{N}:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\p{L}\p{N}:])/giu;
const HTML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Only valid IP literals go to an `ip` field: Elasticsearch rejects the whole search for one that is not. */
export const isIpShaped = (word: string): boolean => isIP(word) !== 0;

/** Distinct words of the texts (3–256 chars, Liquid-escaped entities undone), first-seen order, at most `max`. */
export function candidateWords(texts: readonly string[], max = MAX_VALUE_CANDIDATES): string[] {
  const out = new Set<string>();
  for (const raw of texts) {
    const text = raw.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES[entity] ?? entity);
    for (const pattern of [WORD, IPV6]) {
      for (const match of text.matchAll(pattern)) {
        const word = match[0];
        if (word.length < 3 || word.length > 256) continue;
        out.add(word);
        if (out.size >= max) return [...out];
      }
    }
  }
  return [...out];
}

/** Mapping types a terms lookup can ask exactly: keyword-like fields take any word, `ip` fields IP-shaped words. */
export type LookupFieldType = 'keyword' | 'ip';

export function toLookupType(mappingType: string | undefined): LookupFieldType | undefined {
  if (mappingType === 'ip') return 'ip';
  if (mappingType === 'keyword' || mappingType === 'constant_keyword' || mappingType === 'wildcard') return 'keyword';
  return undefined;
}

export interface ValueLookupRequest {
  size: 0;
  query: estypes.QueryDslQueryContainer;
  aggs: Record<string, estypes.AggregationsAggregationContainer>;
}

/** One size-0 search: the documents holding any candidate in a protected field, one exact terms agg per field. */
export function buildValueLookup(fieldTypes: ReadonlyMap<string, LookupFieldType>, candidates: readonly string[]): ValueLookupRequest | undefined {
  const should: estypes.QueryDslQueryContainer[] = [];
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  [...fieldTypes.entries()].forEach(([field, type], i) => {
    const values = type === 'ip' ? candidates.filter(isIpShaped) : [...candidates];
    if (values.length === 0) return;
    should.push({ terms: { [field]: values } });
    aggs[`f${i}`] = { terms: { field, include: values, size: values.length } };
  });
  if (should.length === 0) return undefined;
  return { size: 0, query: { bool: { should, minimum_should_match: 1 } }, aggs };
}

interface Buckets {
  buckets?: Array<{ key: unknown; key_as_string?: unknown }>;
}

/** The found values as one-field documents (`{'host.name': 'x'}`), ready for collectSensitiveValues. */
export function valuesFromLookup(fieldTypes: ReadonlyMap<string, LookupFieldType>, aggregations: Record<string, unknown> | undefined): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  [...fieldTypes.keys()].forEach((field, i) => {
    const agg = aggregations?.[`f${i}`] as Buckets | undefined;
    for (const bucket of agg?.buckets ?? []) {
      const key = typeof bucket.key_as_string === 'string' ? bucket.key_as_string : bucket.key;
      if (typeof key === 'string' || typeof key === 'number') out.push({ [field]: String(key) });
    }
  });
  return out;
}

/** The mapping type of a dotted field in `properties` (object nesting, or a dotted property name). */
export function mappingTypeOf(properties: Record<string, unknown> | undefined, field: string): string | undefined {
  if (!properties) return undefined;
  const direct = properties[field] as { type?: unknown } | undefined;
  if (direct && typeof direct.type === 'string') return direct.type;
  for (let i = field.indexOf('.'); i !== -1; i = field.indexOf('.', i + 1)) {
    const head = properties[field.slice(0, i)] as { properties?: Record<string, unknown> } | undefined;
    const found = head?.properties ? mappingTypeOf(head.properties, field.slice(i + 1)) : undefined;
    if (found) return found;
  }
  return undefined;
}
