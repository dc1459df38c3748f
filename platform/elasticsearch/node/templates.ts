/**
 * Composable index templates and component templates (spec §2): validation of bodies, the
 * same-priority overlap rule, choosing the highest-priority match for a new index, and the merge order
 * components → template → request.
 */
import { EsError, illegalArgument, unsupported } from '../errors';
import { patternsOverlap, simpleMatch } from './wildcard';
import { flattenSettings } from './index_settings';

export interface AliasDefinition {
  filter?: Record<string, unknown>;
  is_write_index?: boolean;
  is_hidden?: boolean;
  routing?: string;
  index_routing?: string;
  search_routing?: string;
}

export interface TemplateBody {
  settings?: Record<string, unknown>;
  mappings?: Record<string, unknown>;
  aliases?: Record<string, AliasDefinition>;
}

export interface IndexTemplate {
  index_patterns: string[];
  priority?: number;
  template?: TemplateBody;
  composed_of?: string[];
  version?: number;
  _meta?: Record<string, unknown>;
  allow_auto_create?: boolean;
}

export interface ComponentTemplate {
  template: TemplateBody;
  version?: number;
  _meta?: Record<string, unknown>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function parseTemplateBody(value: unknown, where: string): TemplateBody {
  if (value === undefined) return {};
  if (!isObject(value)) throw xContent(`[${where}] template doesn't support values of type: VALUE_STRING`);
  const out: TemplateBody = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'settings') {
      if (!isObject(v)) throw xContent(`[template] settings must be an object`);
      out.settings = v;
    } else if (k === 'mappings') {
      if (!isObject(v)) throw xContent(`[template] mappings must be an object`);
      out.mappings = v;
    } else if (k === 'aliases') {
      if (!isObject(v)) throw xContent(`[template] aliases must be an object`);
      out.aliases = v as Record<string, AliasDefinition>;
    } else if (k === 'lifecycle' || k === 'data_stream_options') {
      throw unsupported('other', `template [${k}]`);
    } else {
      throw xContent(`[template] unknown field [${k}]`);
    }
  }
  return out;
}

function xContent(reason: string): EsError {
  return new EsError(400, 'x_content_parse_exception', reason);
}

export function parseIndexTemplate(body: unknown): IndexTemplate {
  if (!isObject(body)) throw illegalArgument('index template body is required');
  const out: IndexTemplate = { index_patterns: [] };
  for (const [k, v] of Object.entries(body)) {
    switch (k) {
      case 'index_patterns':
        if (typeof v === 'string') out.index_patterns = [v];
        else if (Array.isArray(v) && v.every((p) => typeof p === 'string')) out.index_patterns = v as string[];
        else throw xContent('[index_template] index_patterns must be a string or an array of strings');
        break;
      case 'priority':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw xContent('[index_template] failed to parse field [priority]');
        out.priority = v;
        break;
      case 'template':
        out.template = parseTemplateBody(v, 'index_template');
        break;
      case 'composed_of':
        if (!Array.isArray(v) || !v.every((p) => typeof p === 'string')) throw xContent('[index_template] composed_of must be an array of strings');
        out.composed_of = v as string[];
        break;
      case 'version':
        out.version = Number(v);
        break;
      case '_meta':
        out._meta = v as Record<string, unknown>;
        break;
      case 'allow_auto_create':
        out.allow_auto_create = Boolean(v);
        break;
      case 'data_stream':
        throw unsupported('other', 'data streams');
      case 'ignore_missing_component_templates':
      case 'deprecated':
        break;
      default:
        throw xContent(`[index_template] unknown field [${k}]`);
    }
  }
  if (out.index_patterns.length === 0) {
    throw new EsError(400, 'action_request_validation_exception', 'Validation Failed: 1: index patterns are missing;');
  }
  return out;
}

export function parseComponentTemplate(body: unknown): ComponentTemplate {
  if (!isObject(body)) throw illegalArgument('component template body is required');
  let template: TemplateBody | undefined;
  const out: Partial<ComponentTemplate> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === 'template') template = parseTemplateBody(v, 'component_template');
    else if (k === 'version') out.version = Number(v);
    else if (k === '_meta') out._meta = v as Record<string, unknown>;
    else if (k === 'deprecated') continue;
    else throw xContent(`[component_template] unknown field [${k}]`);
  }
  if (!template) throw xContent('Required [template]');
  return { template, ...out };
}

/** Throws the ES error when `name`'s patterns overlap another template of the same priority. */
export function checkOverlap(name: string, template: IndexTemplate, existing: ReadonlyMap<string, IndexTemplate>): void {
  const priority = template.priority ?? 0;
  const clashes: string[] = [];
  for (const [otherName, other] of existing) {
    if (otherName === name || (other.priority ?? 0) !== priority) continue;
    const overlap = template.index_patterns.some((p) => other.index_patterns.some((q) => patternsOverlap(p, q)));
    if (overlap) clashes.push(`${otherName} => [${other.index_patterns.join(', ')}]`);
  }
  if (clashes.length > 0) {
    const names = clashes.map((c) => c.split(' => ')[0]);
    throw illegalArgument(
      `index template [${name}] has index patterns [${template.index_patterns.join(', ')}] matching patterns from existing templates [${names.join(', ')}] with patterns (${clashes.join(',')}) that have the same priority [${priority}], multiple index templates may not match during index creation, please use a different priority`,
    );
  }
}

/** The highest-priority template matching `index`; hidden indices ignore the global `*` pattern. */
export function findMatchingTemplate(
  index: string,
  templates: ReadonlyMap<string, IndexTemplate>,
  indexHidden: boolean,
): { name: string; template: IndexTemplate } | undefined {
  let best: { name: string; template: IndexTemplate } | undefined;
  for (const [name, template] of templates) {
    const matches = template.index_patterns.some((p) => (indexHidden && p === '*' ? false : simpleMatch(p, index)));
    if (!matches) continue;
    if (!best || (template.priority ?? 0) > (best.template.priority ?? 0)) best = { name, template };
  }
  return best;
}

/** Deep merge for mappings: objects merge key by key, later wins on leaves. */
export function mergeMappings(base: Record<string, unknown>, overlay: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overlay)) {
    const prev = out[k];
    out[k] = isObject(prev) && isObject(v) ? mergeMappings(prev, v) : v;
  }
  return out;
}

/** The template parts (components in order, then the template's own) merged, without the request. */
export function composeTemplate(
  template: IndexTemplate,
  components: ReadonlyMap<string, ComponentTemplate>,
): TemplateBody {
  // Settings merge flat so `{index:{x}}` and `{"index.x"}` forms override each other correctly.
  let settings: Record<string, unknown> = {};
  let mappings: Record<string, unknown> = {};
  let aliases: Record<string, AliasDefinition> = {};
  const parts: TemplateBody[] = [];
  for (const c of template.composed_of ?? []) {
    const component = components.get(c);
    if (component) parts.push(component.template);
  }
  if (template.template) parts.push(template.template);
  for (const part of parts) {
    if (part.settings) settings = { ...settings, ...flattenSettings(part.settings) };
    if (part.mappings) mappings = mergeMappings(mappings, part.mappings);
    if (part.aliases) aliases = { ...aliases, ...part.aliases };
  }
  return { settings, mappings, aliases };
}

/** Component templates a template names that do not exist. */
export function missingComponents(template: IndexTemplate, components: ReadonlyMap<string, ComponentTemplate>): string[] {
  return (template.composed_of ?? []).filter((c) => !components.has(c));
}
