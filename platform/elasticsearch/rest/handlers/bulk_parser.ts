/**
 * `_bulk` NDJSON parsing: action/metadata lines and their source lines, with Elasticsearch's
 * request-level errors (termination, malformed lines, unknown parameters, empty requests).
 * Per-item problems (unsupported features, empty ids) are carried on the item, not thrown.
 */
import { EsError, illegalArgument, unsupported, validationFailed } from '../../errors';
import { tokenName } from '../../query';
import { jsonParseError } from '../json_body';

export type BulkOp = 'index' | 'create' | 'update' | 'delete';

export interface BulkItem {
  op: BulkOp;
  index: string | undefined;
  id: string | undefined;
  routing?: string;
  ifSeqNo?: number;
  ifPrimaryTerm?: number;
  requireAlias?: boolean;
  /** Raw source line (index/create) or update body text. */
  source?: string;
  /** The update line's `_source` filter from the action line. */
  sourceFilter?: unknown;
  /** Set when this item alone must fail. */
  error?: EsError;
}

const ACTION_FIELDS = new Set([
  '_index',
  '_id',
  'routing',
  '_routing',
  'if_seq_no',
  'if_primary_term',
  'version',
  'version_type',
  'pipeline',
  'require_alias',
  'require_data_stream',
  'retry_on_conflict',
  '_retry_on_conflict',
  '_source',
  'dynamic_templates',
  'op_type',
  'list_executed_pipelines',
  '_type',
]);

export interface BulkDefaults {
  index?: string;
  routing?: string;
  requireAlias?: boolean;
  pipeline?: string;
  sourceFilter?: unknown;
}

/**
 * The action line almost every client sends (`{"index":{"_index":"i","_id":"1"}}`, no escapes, no
 * whitespace): matched directly instead of JSON-parsing it into two objects. Anything else takes the
 * general path, which gives the same item.
 */
const SIMPLE_ACTION = /^\{"(index|create)":\{"_index":"([^"\\\u0000-\u001f]*)"(?:,"_id":"([^"\\\u0000-\u001f]*)")?\}\}$/;

export function parseBulk(text: string, defaults: BulkDefaults): BulkItem[] {
  if (text.length === 0) throw validationFailed(['no requests added']);
  if (!text.endsWith('\n')) throw illegalArgument('The bulk request must be terminated by a newline [\\n]');
  const lines = text.split('\n');
  lines.pop();
  const items: BulkItem[] = [];
  let i = 0;
  while (i < lines.length) {
    const lineNo = i + 1;
    const line = lines[i];
    i++;
    const simple = line.length < 1024 ? SIMPLE_ACTION.exec(line) : null;
    if (simple !== null) {
      const op = simple[1] as 'index' | 'create';
      const item: BulkItem = { op, index: simple[2], id: simple[3], routing: defaults.routing, requireAlias: defaults.requireAlias };
      if (defaults.pipeline !== undefined && defaults.pipeline !== '_none') item.error = unsupported('pipeline', 'ingest pipelines [pipeline]');
      if (item.id !== undefined && item.id.length === 0) item.error ??= illegalArgument('if _id is specified it must not be empty');
      if (i >= lines.length) throw illegalArgument('Validation Failed: 1: source is missing;');
      item.source = lines[i];
      i++;
      items.push(item);
      continue;
    }
    if (line.trim().length === 0) continue;
    let action: unknown;
    try {
      action = JSON.parse(line);
    } catch (e) {
      throw jsonParseError(line, e);
    }
    if (action === null || typeof action !== 'object' || Array.isArray(action)) {
      throw illegalArgument(`Malformed action/metadata line [${lineNo}], expected START_OBJECT or END_OBJECT but found [${tokenName(action)}]`);
    }
    const keys = Object.keys(action);
    if (keys.length === 0) {
      throw illegalArgument(`Malformed action/metadata line [${lineNo}], expected FIELD_NAME but found [END_OBJECT]`);
    }
    const op = keys[0];
    if (op !== 'index' && op !== 'create' && op !== 'update' && op !== 'delete') {
      throw illegalArgument(
        `Malformed action/metadata line [${lineNo}], expected field [create], [delete], [index] or [update] but found [${op}]`,
      );
    }
    const meta = (action as Record<string, unknown>)[op];
    if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
      throw illegalArgument(`Malformed action/metadata line [${lineNo}], expected START_OBJECT but found [${tokenName(meta)}]`);
    }
    if (keys.length > 1) {
      throw illegalArgument(`Malformed action/metadata line [${lineNo}], expected END_OBJECT but found [FIELD_NAME]`);
    }
    const item: BulkItem = { op, index: defaults.index, id: undefined, routing: defaults.routing, requireAlias: defaults.requireAlias };
    if (op === 'update') item.sourceFilter = defaults.sourceFilter;
    let pipeline = defaults.pipeline;
    const fields = meta as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (!ACTION_FIELDS.has(key)) {
        throw illegalArgument(`Action/metadata line [${lineNo}] contains an unknown parameter [${key}]`);
      }
      if (value !== null && typeof value === 'object' && key !== '_source' && key !== 'dynamic_templates') {
        throw illegalArgument(`Malformed action/metadata line [${lineNo}], expected a simple value for field [${key}] but found [${tokenName(value)}]`);
      }
      switch (key) {
        case '_index':
          item.index = String(value);
          break;
        case '_id':
          item.id = value === null ? undefined : String(value);
          break;
        case 'routing':
        case '_routing':
          item.routing = value === null ? undefined : String(value);
          break;
        case 'if_seq_no':
          item.ifSeqNo = Number(value);
          break;
        case 'if_primary_term':
          item.ifPrimaryTerm = Number(value);
          break;
        case 'require_alias':
          item.requireAlias = value === true || value === 'true';
          break;
        case 'pipeline':
          pipeline = value === null ? undefined : String(value);
          break;
        case 'version':
          item.error ??= validationFailed([
            'internal versioning can not be used for optimistic concurrency control. Please use `if_seq_no` and `if_primary_term` instead',
          ]);
          break;
        case 'version_type':
          if (value !== 'internal') item.error ??= unsupported('other', `external versioning [version_type=${String(value)}]`);
          break;
        case '_source':
          item.sourceFilter = value;
          break;
        case 'dynamic_templates':
          break;
        case 'op_type':
          if (value === 'create') item.op = 'create';
          break;
        default:
          break;
      }
    }
    if (pipeline !== undefined && pipeline !== '_none') item.error ??= unsupported('pipeline', 'ingest pipelines [pipeline]');
    if (item.index === undefined) throw validationFailed(['index is missing']);
    if (item.id !== undefined && item.id.length === 0) {
      item.error ??= illegalArgument('if _id is specified it must not be empty');
    }
    if (op !== 'delete') {
      if (i >= lines.length) {
        throw illegalArgument(`Validation Failed: 1: ${op === 'update' ? 'script or doc is missing' : 'source is missing'};`);
      }
      item.source = lines[i];
      i++;
    }
    items.push(item);
  }
  if (items.length === 0) throw validationFailed(['no requests added']);
  return items;
}
