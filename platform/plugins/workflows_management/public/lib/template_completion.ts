/**
 * Completion inside `{{ … }}` / `${{ … }}` (§7): context roots, declared inputs, consts, steps that come before the
 * cursor, `foreach.*`, and common `event.alerts[0].*` fields. Pure: works on the text and the cursor.
 */
import type { YamlOutline } from './yaml_outline';

export interface TemplateCompletion {
  label: string;
  detail: string;
  /** `field` for leaf paths, `module` for roots and objects. */
  kind: 'module' | 'field';
}

export interface TemplateCompletionResult {
  items: TemplateCompletion[];
  /** Characters before the cursor the completion replaces (the partial word). */
  replaceLength: number;
}

const ROOTS: TemplateCompletion[] = [
  { label: 'inputs', detail: 'Run inputs after defaults', kind: 'module' },
  { label: 'event', detail: 'Alert payload of alert runs', kind: 'module' },
  { label: 'consts', detail: 'Constants of the workflow', kind: 'module' },
  { label: 'steps', detail: 'Records of preceding steps', kind: 'module' },
  { label: 'variables', detail: 'Values set by data.set steps', kind: 'module' },
  { label: 'foreach', detail: 'The innermost loop', kind: 'module' },
  { label: 'execution', detail: 'id, isTestRun, startedAt, url, executedBy, triggeredBy', kind: 'module' },
  { label: 'workflow', detail: 'id, name, enabled, spaceId', kind: 'module' },
  { label: 'kibanaUrl', detail: 'Base URL of this host', kind: 'field' },
  { label: 'now', detail: 'ISO time when the step starts', kind: 'field' },
];

const FIELDS: Record<string, string[]> = {
  execution: ['id', 'isTestRun', 'startedAt', 'url', 'executedBy', 'triggeredBy'],
  workflow: ['id', 'name', 'enabled', 'spaceId'],
  foreach: ['item', 'index', 'items', 'total'],
  event: ['alerts', 'rule', 'spaceId'],
  'event.rule': ['id', 'name', 'tags', 'consumer', 'producer', 'ruleTypeId'],
  'event.alerts[0]': ['_id', '_index', '@timestamp', 'kibana', 'host', 'user', 'process', 'source', 'destination', 'event'],
  'event.alerts[0].kibana.alert': ['uuid', 'severity', 'risk_score', 'reason', 'workflow_status', 'workflow_tags', 'rule'],
  'event.alerts[0].kibana.alert.rule': ['name', 'uuid', 'description', 'threat', 'tags'],
  'event.alerts[0].host': ['name', 'ip', 'os'],
  'event.alerts[0].user': ['name', 'domain'],
};

/** The expression being typed if the cursor is inside an open `{{` on this line, else undefined. */
export function openTemplateExpression(linePrefix: string): string | undefined {
  const open = linePrefix.lastIndexOf('{{');
  if (open === -1) return undefined;
  if (linePrefix.indexOf('}}', open) !== -1) return undefined;
  return linePrefix.slice(open + 2).trimStart();
}

/** Step names declared on lines before `lineNumber` (1-based): the ones a template there may read. */
export function precedingStepNames(lines: readonly string[], lineNumber: number, knownNames: readonly string[]): string[] {
  const known = new Set(knownNames);
  const names: string[] = [];
  for (let i = 0; i < Math.min(lineNumber - 1, lines.length); i++) {
    const m = /^\s*-?\s*name:\s*["']?([^"'#\s]+)["']?\s*$/.exec(lines[i] ?? '');
    if (m && known.has(m[1]) && !names.includes(m[1])) names.push(m[1]);
  }
  return names;
}

function inputNames(outline: YamlOutline): string[] {
  const inputs = outline.inputs;
  if (!inputs) return [];
  if (Array.isArray(inputs)) return inputs.map((i) => i?.name).filter((n): n is string => typeof n === 'string');
  return typeof inputs.properties === 'object' && inputs.properties ? Object.keys(inputs.properties) : [];
}

export function templateCompletions(linePrefix: string, outline: YamlOutline, precedingSteps: readonly string[]): TemplateCompletionResult | undefined {
  const expression = openTemplateExpression(linePrefix);
  if (expression === undefined) return undefined;
  // The path being typed: the last run of path characters (a filter `|` or operator starts a new one).
  const path = /[A-Za-z0-9_.@[\]-]*$/.exec(expression)?.[0] ?? '';
  const lastDot = path.lastIndexOf('.');
  const parent = lastDot === -1 ? '' : path.slice(0, lastDot);
  const partial = lastDot === -1 ? path : path.slice(lastDot + 1);
  let items: TemplateCompletion[];
  if (parent === '') items = ROOTS;
  else if (parent === 'inputs') items = inputNames(outline).map((n) => ({ label: n, detail: 'Input', kind: 'field' }));
  else if (parent === 'consts') items = outline.consts.map((n) => ({ label: n, detail: 'Constant', kind: 'field' }));
  else if (parent === 'steps') items = precedingSteps.map((n) => ({ label: n, detail: 'Preceding step', kind: 'module' }));
  else if (/^steps\.[^.]+$/.test(parent))
    items = [
      { label: 'output', detail: 'What the step returned', kind: 'module' },
      { label: 'input', detail: 'The rendered with', kind: 'module' },
      { label: 'error', detail: 'type, message, details when it failed', kind: 'module' },
    ];
  else if (parent === 'event.alerts') items = [{ label: '[0]', detail: 'First alert', kind: 'module' }];
  else items = (FIELDS[parent] ?? []).map((f) => ({ label: f, detail: parent, kind: 'field' as const }));
  const needle = partial.toLowerCase();
  return { items: items.filter((i) => i.label.toLowerCase().startsWith(needle)), replaceLength: partial.length };
}
