import { looksLikeDynamicDate, parseDate } from '../dates';
import { isPlainObject, parseField } from './parse_mapping';
import type { DynamicTemplate, MatchMappingType, Mapper, RootMapping } from './types';

/** The JSON kind a dynamic value is detected as (dynamic templates' `match_mapping_type`). */
export function detectMappingType(value: unknown, mapping: RootMapping): Exclude<MatchMappingType, '*' | 'binary'> {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  if (typeof value === 'string') {
    if (mapping.dateDetection && isDynamicDate(value, mapping)) return 'date';
    if (mapping.numericDetection && value.trim() !== '' && Number.isFinite(Number(value))) {
      return /^[+-]?\d+$/.test(value.trim()) ? 'long' : 'double';
    }
    return 'string';
  }
  return 'object';
}

function isDynamicDate(value: string, mapping: RootMapping): boolean {
  if (mapping.dynamicDateFormats === undefined) return looksLikeDynamicDate(value);
  for (const format of mapping.dynamicDateFormats) {
    try {
      parseDate(value, format);
      return true;
    } catch {
      // try the next format
    }
  }
  return false;
}

const SLASH_DATE_FORMAT = 'yyyy/MM/dd HH:mm:ss||yyyy/MM/dd||epoch_millis';

function globMatch(pattern: string, text: string): boolean {
  if (pattern === '*') return true;
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === text;
  if (!text.startsWith(parts[0])) return false;
  let pos = parts[0].length;
  for (let i = 1; i < parts.length - 1; i++) {
    const at = text.indexOf(parts[i], pos);
    if (at < 0) return false;
    pos = at + parts[i].length;
  }
  const last = parts[parts.length - 1];
  return text.length - pos >= last.length && text.endsWith(last);
}

function patternMatch(t: DynamicTemplate, patterns: readonly string[] | undefined, text: string): boolean {
  if (patterns === undefined) return true;
  return patterns.some((p) => (t.matchPattern === 'regex' ? new RegExp(`^(?:${p})$`).test(text) : globMatch(p, text)));
}

function templateMatches(t: DynamicTemplate, name: string, path: string, kind: MatchMappingType): boolean {
  if (t.matchMappingType && !t.matchMappingType.includes('*') && !t.matchMappingType.includes(kind)) return false;
  if (t.unmatchMappingType && (t.unmatchMappingType.includes(kind) || t.unmatchMappingType.includes('*'))) return false;
  if (!patternMatch(t, t.match, name)) return false;
  if (t.unmatch && patternMatch(t, t.unmatch, name)) return false;
  if (!patternMatch(t, t.pathMatch, path)) return false;
  if (t.pathUnmatch && patternMatch(t, t.pathUnmatch, path)) return false;
  return true;
}

const DEFAULT_TYPE: Record<string, string> = { string: 'text', long: 'long', double: 'float', boolean: 'boolean', date: 'date', object: 'object' };

function substitute(value: unknown, name: string, dynamicType: string): unknown {
  if (typeof value === 'string') return value.replaceAll('{name}', name).replaceAll('{dynamic_type}', dynamicType);
  if (Array.isArray(value)) return value.map((v) => substitute(v, name, dynamicType));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[substitute(k, name, dynamicType) as string] = substitute(v, name, dynamicType);
    return out;
  }
  return value;
}

/**
 * The mapper a new field gets from dynamic mapping: the first matching dynamic template, else the
 * defaults of spec §3 (bool→boolean, integer→long, fraction→float, date detection, else text + keyword).
 */
export function dynamicMapper(mapping: RootMapping, name: string, path: string, value: unknown): Mapper {
  const kind = detectMappingType(value, mapping);
  for (const t of mapping.dynamicTemplates) {
    if (!templateMatches(t, name, path, kind)) continue;
    const def = substitute(t.mapping, name, DEFAULT_TYPE[kind]) as Record<string, unknown>;
    const withType = def.type === undefined && kind !== 'object' ? { type: DEFAULT_TYPE[kind], ...def } : def;
    return parseField(name, path, withType);
  }
  switch (kind) {
    case 'boolean':
      return parseField(name, path, { type: 'boolean' });
    case 'long':
      return parseField(name, path, { type: 'long' });
    case 'double':
      return parseField(name, path, { type: 'float' });
    case 'date': {
      let standard = true;
      try {
        parseDate(value as string);
      } catch {
        standard = false;
      }
      return parseField(name, path, standard ? { type: 'date' } : { type: 'date', format: SLASH_DATE_FORMAT });
    }
    case 'string':
      return parseField(name, path, { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } });
    default:
      return parseField(name, path, {});
  }
}
