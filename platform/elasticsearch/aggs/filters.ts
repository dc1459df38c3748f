/** `filter` (one bucket) and `filters` (named or anonymous buckets, optional other bucket). */
import { EsError } from '../errors';
import { executeQuery, intersectAll, isPlainObject, parseQuery, subtract, unionAll, type QueryNode } from '../query';
import type { SearchView } from '../search_view';
import { boolParam, checkKeys, objectBody, strParam } from './params';
import { AggTree } from './tree';
import { type AggContext, type AggDefinition, type AggSpec, type Aggregator, type DocBatch } from './types';

/** The part of `batch` whose docs are in `docs` (both ascending). */
function restrictBatch(batch: DocBatch, docs: Int32Array): DocBatch {
  const kept = intersectAll([batch.docs, docs]);
  if (!batch.scores) return { docs: kept, scores: undefined, constant: batch.constant };
  const scores = new Float32Array(kept.length);
  let j = 0;
  for (let i = 0; i < kept.length; i++) {
    while (batch.docs[j] !== kept[i]) j++;
    scores[i] = batch.scores[j];
  }
  return { docs: kept, scores, constant: 0 };
}

class SingleBucket {
  docCount = 0;
  readonly sub: AggTree;
  constructor(spec: AggSpec, ctx: AggContext) {
    this.sub = new AggTree(spec.subAggs, ctx);
  }
  collect(view: SearchView, batch: DocBatch): void {
    this.docCount += batch.docs.length;
    if (!this.sub.empty) this.sub.collect(view, batch);
  }
  render(typedKeys: boolean): Record<string, unknown> {
    return { doc_count: this.docCount, ...this.sub.build(typedKeys) };
  }
}

export const filterAgg: AggDefinition = {
  acceptsSubAggs: true,
  parse: (_name, json) => parseQuery(json),
  check: () => undefined,
  create(spec, ctx): Aggregator {
    const query = spec.params as QueryNode;
    const bucket = new SingleBucket(spec, ctx);
    return {
      typedKey: () => 'filter',
      collect(view, batch) {
        const docs = executeQuery(view, query, { now: ctx.now, scoring: false }).docs;
        bucket.collect(view, restrictBatch(batch, docs));
      },
      build: (typedKeys) => bucket.render(typedKeys),
    };
  },
};

interface FiltersParams {
  /** Named filters keep their names; anonymous ones (array form) are indexed. */
  named: boolean;
  entries: { key: string; query: QueryNode }[];
  otherBucket: boolean;
  otherBucketKey: string;
  keyed: boolean;
  /** `[{name: bucket}, ...]` instead of `{name: bucket}`. */
  keyedInArray: boolean;
}

export const filtersAgg: AggDefinition = {
  acceptsSubAggs: true,
  parse(name, json): FiltersParams {
    const body = objectBody('filters', name, json);
    checkKeys('filters', body, ['filters', 'other_bucket', 'other_bucket_key', 'keyed', 'keyed_bucket_in_array']);
    const f = body.filters;
    let entries: FiltersParams['entries'];
    let named: boolean;
    if (Array.isArray(f)) {
      named = false;
      entries = f.map((q, i) => ({ key: String(i), query: parseQuery(q) }));
    } else if (isPlainObject(f)) {
      named = true;
      entries = Object.entries(f)
        .map(([key, q]) => ({ key, query: parseQuery(q) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    } else {
      throw new EsError(400, 'parsing_exception', `[filters] cannot be empty.`);
    }
    if (entries.length === 0) throw new EsError(400, 'illegal_argument_exception', '[filters] cannot be empty.');
    const otherKey = strParam('filters', body, 'other_bucket_key');
    return {
      named,
      entries,
      otherBucket: boolParam('filters', body, 'other_bucket', false) || otherKey !== undefined,
      otherBucketKey: otherKey ?? '_other_',
      keyed: boolParam('filters', body, 'keyed', named),
      keyedInArray: boolParam('filters', body, 'keyed_bucket_in_array', false),
    };
  },
  check: () => undefined,
  create(spec, ctx): Aggregator {
    const p = spec.params as FiltersParams;
    const buckets = p.entries.map(() => new SingleBucket(spec, ctx));
    const other = p.otherBucket ? new SingleBucket(spec, ctx) : undefined;
    return {
      typedKey: () => 'filters',
      collect(view, batch) {
        const matched: Int32Array[] = [];
        p.entries.forEach((entry, i) => {
          const docs = executeQuery(view, entry.query, { now: ctx.now, scoring: false }).docs;
          matched.push(docs);
          buckets[i].collect(view, restrictBatch(batch, docs));
        });
        if (other) other.collect(view, restrictBatch(batch, subtract(batch.docs, [unionAll(matched)])));
      },
      build(typedKeys) {
        if (p.keyed && p.keyedInArray) {
          const list: Record<string, unknown>[] = p.entries.map((e, i) => ({ [e.key]: buckets[i].render(typedKeys) }));
          if (other) list.push({ [p.otherBucketKey]: other.render(typedKeys) });
          return { buckets: list };
        }
        if (p.keyed) {
          const out: Record<string, unknown> = {};
          p.entries.forEach((e, i) => {
            out[e.key] = buckets[i].render(typedKeys);
          });
          if (other) out[p.otherBucketKey] = other.render(typedKeys);
          return { buckets: out };
        }
        const list = p.entries.map((e, i) => (p.named ? { key: e.key, ...buckets[i].render(typedKeys) } : buckets[i].render(typedKeys)));
        if (other) list.push(p.named ? { key: p.otherBucketKey, ...other.render(typedKeys) } : other.render(typedKeys));
        return { buckets: list };
      },
    };
  },
};
