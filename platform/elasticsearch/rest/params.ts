/** Typed access to URL query parameters with Elasticsearch's parsing rules and error messages. */
import { EsError, illegalArgument } from '../errors';
import {
  parseExpandWildcards,
  type IndicesOptions,
} from '../node/resolve_targets';

export class QueryParams {
  constructor(private readonly values: Map<string, string>) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  names(): string[] {
    return [...this.values.keys()];
  }

  /** `true`, `false` or empty (= true); anything else is a 400. */
  bool(name: string, fallback: boolean): boolean {
    const v = this.values.get(name);
    if (v === undefined) return fallback;
    return parseBoolParam(v);
  }

  optionalBool(name: string): boolean | undefined {
    const v = this.values.get(name);
    return v === undefined ? undefined : parseBoolParam(v);
  }

  int(name: string): number | undefined {
    const v = this.values.get(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v.trim())) {
      throw new EsError(400, 'illegal_argument_exception', `Failed to parse int parameter [${name}] with value [${v}]`);
    }
    return Number(v);
  }

  long(name: string): number | undefined {
    const v = this.values.get(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v.trim())) {
      throw new EsError(400, 'illegal_argument_exception', `Failed to parse long parameter [${name}] with value [${v}]`);
    }
    return Number(v);
  }

  list(name: string): string[] | undefined {
    const v = this.values.get(name);
    return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
  }

  indicesOptions(defaults: IndicesOptions): IndicesOptions {
    const expand = this.values.get('expand_wildcards');
    return {
      ignoreUnavailable: this.bool('ignore_unavailable', defaults.ignoreUnavailable),
      allowNoIndices: this.bool('allow_no_indices', defaults.allowNoIndices),
      expandWildcards: expand === undefined ? defaults.expandWildcards : parseExpandWildcards(expand),
    };
  }
}

export function parseBoolParam(v: string): boolean {
  if (v === '' || v === 'true') return true;
  if (v === 'false') return false;
  throw illegalArgument(`Failed to parse value [${v}] as only [true] or [false] are allowed.`);
}

export type RefreshPolicy = 'none' | 'immediate' | 'wait_for';

export function refreshPolicy(params: QueryParams): RefreshPolicy {
  const v = params.get('refresh');
  if (v === undefined || v === 'false') return 'none';
  if (v === '' || v === 'true') return 'immediate';
  if (v === 'wait_for') return 'wait_for';
  throw illegalArgument(`Unknown value for refresh: [${v}].`);
}

/** Parameters every endpoint accepts. */
export const COMMON_PARAMS = ['pretty', 'human', 'error_trace', 'filter_path', 'source', 'source_content_type'];
export const INDICES_OPTIONS = ['ignore_unavailable', 'allow_no_indices', 'expand_wildcards'];
export const MASTER = ['master_timeout', 'timeout'];
