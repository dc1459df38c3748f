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
  // Built-in ids without a dot.
  console: 'Data',
  wait: 'Flow control',
  http: 'External',
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

/** A step type as the editor JSON Schema (§6.1) describes it: one `oneOf` branch per type. */
export interface SchemaStepType {
  id: string;
  title?: string;
  description?: string;
  requiredWithKeys: string[];
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every branch with `properties.type.const` in the schema, with the required keys of its `with` (through `$ref`). */
export function schemaStepTypes(schema: Json | undefined): SchemaStepType[] {
  if (!schema) return [];
  const definitions = isJson(schema.definitions) ? schema.definitions : {};
  const resolve = (node: unknown): Json | undefined => {
    if (!isJson(node)) return undefined;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace(/^#\/definitions\//, '');
      return isJson(definitions[name]) ? definitions[name] : undefined;
    }
    return node;
  };
  const found = new Map<string, SchemaStepType>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isJson(node)) return;
    const properties = isJson(node.properties) ? node.properties : undefined;
    // Step branches have a `name`; trigger branches (`manual`, `alert`…) do not.
    const typeConst = properties && isJson(properties.type) && properties.name !== undefined ? properties.type.const : undefined;
    if (typeof typeConst === 'string' && !found.has(typeConst)) {
      const withSchema = resolve(properties?.with);
      found.set(typeConst, {
        id: typeConst,
        title: typeof node.title === 'string' ? node.title : undefined,
        description: typeof node.description === 'string' ? node.description : undefined,
        requiredWithKeys: Array.isArray(withSchema?.required) ? withSchema.required.filter((k): k is string => typeof k === 'string') : [],
      });
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(schema);
  return [...found.values()];
}

/**
 * Public definitions give labels, icons and examples; types only the schema knows (built-ins without a public
 * definition) still appear with their id and the default icon.
 */
export function buildStepCatalog(definitions: readonly PublicStepDefinition[], schemaTypes: readonly SchemaStepType[] = []): StepCatalogEntry[] {
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
  const ids = new Set([...registered.map((e) => e.id), ...FLOW_CONTROL.map((e) => e.id)]);
  const fromSchema = schemaTypes
    .filter((t) => !ids.has(t.id))
    .map<StepCatalogEntry>((t) => ({
      id: t.id,
      label: t.title && t.title !== t.id ? t.title : t.id,
      description: t.description,
      icon: 'dot',
      group: groupOf({ id: t.id }),
      examples: [],
      requiredWithKeys: t.requiredWithKeys,
    }));
  const registeredIds = new Set(registered.map((e) => e.id));
  return [...FLOW_CONTROL.filter((e) => !registeredIds.has(e.id)), ...registered, ...fromSchema];
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
