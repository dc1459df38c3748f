/** Building one search hit (`_index, _id, _version, _seq_no, _primary_term, _score, _routing, _source, fields, sort`). */
import { decimalFormat } from '../aggs';
import { formatDate, parseDate } from '../dates';
import { parsingException } from '../errors';
import { canonicalIp } from '../ip';
import { fieldGroup, isPlainObject, isSimpleMatch } from '../query';
import type { LeafFieldMapping, SearchView } from '../search_view';
import { float32Number } from './float32';
import { applySourceFilter, type SourceFilter } from './source_filter';

export interface FieldRequest {
  field: string;
  format?: string;
}

export interface HitOptions {
  /** undefined = whole source, false = none. */
  source: SourceFilter | false | undefined;
  version: boolean;
  seqNoPrimaryTerm: boolean;
  /** `stored_fields: _none_`: no `_id` and no `_source`. */
  storedFieldsNone: boolean;
  fields: FieldRequest[] | undefined;
}

export function parseFieldRequests(json: unknown): FieldRequest[] {
  if (!Array.isArray(json)) throw parsingException('[fields] must be an array');
  return json.map((item) => {
    if (typeof item === 'string') return { field: item };
    if (isPlainObject(item) && typeof item.field === 'string') {
      return { field: item.field, format: typeof item.format === 'string' ? item.format : undefined };
    }
    throw parsingException('[fields] entries must be a string or an object with [field]');
  });
}

export function buildHit(view: SearchView, doc: number, score: number | null, sort: unknown[] | undefined, opts: HitOptions): Record<string, unknown> {
  const hit: Record<string, unknown> = { _index: view.index };
  if (!opts.storedFieldsNone) hit._id = view.id(doc);
  if (opts.version) hit._version = view.version(doc);
  if (opts.seqNoPrimaryTerm) {
    hit._seq_no = view.seqNo(doc);
    hit._primary_term = view.primaryTerm(doc);
  }
  hit._score = score === null || Number.isNaN(score) ? null : float32Number(score);
  const routing = view.routing(doc);
  if (routing !== undefined) hit._routing = routing;
  let parsed: Record<string, unknown> | undefined;
  if (!opts.storedFieldsNone && opts.source !== false) {
    parsed = view.source(doc);
    hit._source = opts.source === undefined ? parsed : applySourceFilter(parsed, opts.source);
  }
  if (opts.fields && opts.fields.length > 0) {
    const fields = fetchFields(view, parsed ?? view.source(doc), opts.fields);
    if (Object.keys(fields).length > 0) hit.fields = fields;
  }
  if (sort) hit.sort = sort;
  return hit;
}

/** Values of a dotted path in a source that may nest objects or use dotted keys (arrays flattened). */
export function valuesAtPath(node: unknown, path: string): unknown[] {
  if (Array.isArray(node)) return node.flatMap((n) => valuesAtPath(n, path));
  if (!isPlainObject(node)) return [];
  const out: unknown[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === path) {
      if (Array.isArray(value)) out.push(...value.flat(Infinity));
      else out.push(value);
    } else if (path.startsWith(`${key}.`)) {
      out.push(...valuesAtPath(value, path.slice(key.length + 1)));
    }
  }
  return out;
}

function fetchFields(view: SearchView, source: Record<string, unknown>, requests: FieldRequest[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const paths = view.fieldPaths();
  for (const req of requests) {
    const matched = req.field.includes('*') ? paths.filter((p) => isSimpleMatch(req.field, p)) : [req.field];
    for (const path of matched) {
      const mapping = view.mapping(path);
      if (!mapping || out[path]) continue;
      const sourcePath = multiFieldParent(view, path) ?? path;
      const values = valuesAtPath(source, sourcePath)
        .filter((v) => v !== null && !isPlainObject(v))
        .flatMap((v) => formatFieldValue(mapping, v, req.format));
      if (values.length > 0) out[path] = values;
    }
  }
  return out;
}

/** `message.keyword` reads its values from `message` in the source. */
function multiFieldParent(view: SearchView, path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  const parent = path.slice(0, dot);
  return view.mapping(parent) ? parent : undefined;
}

function formatFieldValue(mapping: LeafFieldMapping, v: unknown, format: string | undefined): unknown[] {
  const group = fieldGroup(mapping.type);
  try {
    switch (group) {
      case 'date': {
        const fieldFormat = typeof mapping.params.format === 'string' ? mapping.params.format : undefined;
        const ms = parseDate(typeof v === 'number' ? v : String(v), fieldFormat);
        return [formatDate(ms, format ?? fieldFormat)];
      }
      case 'numeric': {
        const n = typeof v === 'number' ? v : Number(v);
        if (!Number.isFinite(n)) return [];
        if (format !== undefined) return [decimalFormat(n, format)];
        if (mapping.type === 'float' || mapping.type === 'half_float') return [float32Number(n)];
        if (mapping.type === 'long' || mapping.type === 'integer' || mapping.type === 'short' || mapping.type === 'byte') return [Math.trunc(n)];
        return [n];
      }
      case 'boolean':
        return [v === true || v === 'true'];
      case 'ip':
        return [canonicalIp(String(v)) ?? String(v)];
      case 'keyword': {
        const s = String(v);
        const ignoreAbove = typeof mapping.params.ignore_above === 'number' ? mapping.params.ignore_above : Infinity;
        return s.length > ignoreAbove ? [] : [s];
      }
      default:
        return [String(v)];
    }
  } catch {
    return [];
  }
}
