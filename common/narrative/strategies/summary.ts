import type { AlertFieldReader } from '../../workflows/field_access';
import { ctx, opt } from '../compose';
import type { NarrativeStrategy } from '../types';

const PROCESS_FIELDS = [
  'process.name',
  'process.executable',
  'process.pid',
  'process.args',
  'process.parent.name',
  'process.parent.pid',
  'process.ppid',
];

const EXCLUDED_PREFIXES = ['kibana.', 'signal.', 'ecs.', 'agent.', 'data_stream.', 'elastic_agent.', 'input.', 'log.', '_'];
const EXCLUDED_PATHS = new Set([
  '@timestamp',
  'message',
  'tags',
  'user.name',
  'host.name',
  'event.kind',
  'event.created',
  'event.ingested',
  'event.id',
]);
export const MAX_EVIDENCE_FIELDS = 8;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Dotted leaf paths of a source: nested objects are walked, an array of scalars is one leaf. */
export function leafPaths(source: Record<string, unknown>): string[] {
  const paths = new Set<string>();
  const walk = (value: unknown, path: string): void => {
    if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`);
    } else if (Array.isArray(value) && value.some(isObject)) {
      for (const element of value) if (isObject(element)) walk(element, path);
    } else if (path !== '') {
      paths.add(path);
    }
  };
  walk(source, '');
  return [...paths];
}

/** Up to 8 `<path>=<values>` pairs, in code-unit order so ES|QL's `Esql.*` columns come first. */
export function evidence(alert: AlertFieldReader): string | undefined {
  const pairs: string[] = [];
  const candidates = leafPaths(alert.source)
    .filter((path) => !EXCLUDED_PATHS.has(path) && !EXCLUDED_PREFIXES.some((prefix) => path.startsWith(prefix)))
    .sort();
  for (const path of candidates) {
    if (pairs.length === MAX_EVIDENCE_FIELDS) break;
    const value = alert.text(path);
    if (value !== undefined) pairs.push(`${path}=${value}`);
  }
  return pairs.length > 0 ? pairs.join(', ') : undefined;
}

/**
 * ES|QL and aggregating alerts carry few ECS fields; instead of a bare "alert event" they are summarised from the
 * rule and the fields they do carry.
 */
export const summaryStrategy: NarrativeStrategy = {
  id: 'summary',
  priority: 5,
  matches: (alert) =>
    !PROCESS_FIELDS.some((field) => alert.has(field)) &&
    (alert.ruleTypeIs('esql') || alert.ruleTypeIs('threshold') || !alert.has('event.category')),
  render: (alert) =>
    'Alert' +
    opt(alert.text('kibana.alert.rule.name')) +
    opt(alert.text('kibana.alert.severity'), ' (severity ', ')') +
    opt(alert.text('kibana.alert.rule.type'), ' from ', ' rule') +
    opt(alert.num('kibana.alert.threshold_result.count'), ' after ', ' events') +
    ctx(alert) +
    opt(evidence(alert), ' with ') +
    '.',
};
