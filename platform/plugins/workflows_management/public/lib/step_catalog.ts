/**
 * Everything the step picker, completions and hover know about step types: the registered public definitions plus
 * the flow-control types the engine implements itself (`if`, `foreach`), grouped as the picker shows them (§7).
 */
import type { PublicStepDefinition } from '../../../workflows_extensions/common/step_definition';

export interface StepCatalogEntry {
  id: string;
  label: string;
  description?: string;
  /** An EUI icon name (component and lazy icons fall back to the default icon here). */
  icon: string;
  group: string;
  details?: string;
  url?: string;
  examples: string[];
  /** Required `with` keys, for the skeleton inserted when there is no example. */
  requiredWithKeys: string[];
}

const FLOW_CONTROL: StepCatalogEntry[] = [
  {
    id: 'if',
    label: 'If',
    description: 'Runs its steps when the condition (KQL or a ${{ }} expression) holds, else the optional `else` steps.',
    icon: 'branch',
    group: 'Flow control',
    examples: ['- name: check_severity\n  type: if\n  condition: "event.alerts.kibana.alert.severity: high"\n  steps:\n    - name: log_high\n      type: console\n      with:\n        message: High severity alert\n  else:\n    - name: log_other\n      type: console\n      with:\n        message: Other severity'],
    requiredWithKeys: [],
  },
  {
    id: 'foreach',
    label: 'For each',
    description: 'Runs its steps once per item of an array; `foreach.item` and `foreach.index` hold the current one.',
    icon: 'refresh',
    group: 'Flow control',
    examples: ['- name: each_alert\n  type: foreach\n  foreach: "{{ event.alerts | json }}"\n  steps:\n    - name: log_alert\n      type: console\n      with:\n        message: "Alert {{ foreach.item._id }}"'],
    requiredWithKeys: [],
  },
];

/** Picker order: the platform groups first, then plugin categories alphabetically. */
export const GROUP_ORDER = ['Flow control', 'Data', 'Elasticsearch', 'Kibana', 'AI', 'External'];

const CATEGORY_GROUPS: Record<string, string> = {
  flowControl: 'Flow control',
  data: 'Data',
  elasticsearch: 'Elasticsearch',
  kibana: 'Kibana',
  ai: 'AI',
  external: 'External',
};

function groupOf(definition: Pick<PublicStepDefinition, 'id' | 'category'>): string {
  if (definition.category) return CATEGORY_GROUPS[definition.category] ?? definition.category;
  const prefix = definition.id.split('.')[0];
  return CATEGORY_GROUPS[prefix] ?? (prefix === 'ai' ? 'AI' : prefix.charAt(0).toUpperCase() + prefix.slice(1));
}

/** Required keys of a zod object input schema (zod v4: an optional key accepts `undefined`). */
export function requiredKeysOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, { safeParse?: (v: unknown) => { success: boolean } }> } | undefined)?.shape;
  if (!shape || typeof shape !== 'object') return [];
  return Object.entries(shape)
    .filter(([, field]) => typeof field?.safeParse === 'function' && !field.safeParse(undefined).success)
    .map(([key]) => key);
}

export function buildStepCatalog(definitions: readonly PublicStepDefinition[]): StepCatalogEntry[] {
  const registered = definitions.map<StepCatalogEntry>((d) => ({
    id: d.id,
    label: d.label,
    description: d.description,
    icon: typeof d.icon === 'string' ? d.icon : 'dot',
    group: groupOf(d),
    details: d.documentation?.details,
    url: d.documentation?.url,
    examples: [...(d.documentation?.examples ?? [])],
    requiredWithKeys: requiredKeysOf(d.inputSchema),
  }));
  const ids = new Set(registered.map((e) => e.id));
  return [...FLOW_CONTROL.filter((e) => !ids.has(e.id)), ...registered];
}

export interface StepCatalogGroup {
  group: string;
  entries: StepCatalogEntry[];
}

/** Case-insensitive search over id, label and description; groups in picker order, entries by label. */
export function groupStepCatalog(entries: readonly StepCatalogEntry[], search: string): StepCatalogGroup[] {
  const needle = search.trim().toLowerCase();
  const matching = needle
    ? entries.filter((e) => [e.id, e.label, e.description ?? ''].some((text) => text.toLowerCase().includes(needle)))
    : entries;
  const groups = new Map<string, StepCatalogEntry[]>();
  for (const e of matching) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  const rank = (g: string) => {
    const i = GROUP_ORDER.indexOf(g);
    return i === -1 ? GROUP_ORDER.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([group, list]) => ({ group, entries: [...list].sort((a, b) => a.label.localeCompare(b.label)) }));
}
