/** Parameter checks shared by aggregation parsers (ObjectParser-style errors). */
import { EsError, parsingException } from '../errors';
import { isPlainObject } from '../query';

export function objectBody(type: string, name: string, body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw parsingException(`[${type}] aggregation [${name}] must be an object`);
  return body;
}

export function checkKeys(type: string, body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(body)) {
    if (!allowed.includes(k)) throw new EsError(400, 'x_content_parse_exception', `[${type}] unknown field [${k}]`);
  }
}

export function intParam(type: string, body: Record<string, unknown>, key: string, dflt: number): number {
  const v = body[key];
  if (v === undefined || v === null) return dflt;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isInteger(n)) throw new EsError(400, 'x_content_parse_exception', `[${type}] failed to parse field [${key}]`);
  return n;
}

export function boolParam(type: string, body: Record<string, unknown>, key: string, dflt: boolean): boolean {
  const v = body[key];
  if (v === undefined || v === null) return dflt;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw new EsError(400, 'x_content_parse_exception', `[${type}] failed to parse field [${key}]`);
}

export function strParam(type: string, body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new EsError(400, 'x_content_parse_exception', `[${type}] failed to parse field [${key}]`);
}
