/**
 * Explicit mappings of the assistant's indices (assistant.md §4). `dynamic:false`, no `nested` (the embedded engine
 * rejects nested queries); opaque payloads (messages, replacements, schemas, sensitive values) are `enabled:false`.
 */

export const RESOURCES = ['conversations', 'prompts', 'anonymization-fields', 'knowledge-base'] as const;
export type ResourceName = (typeof RESOURCES)[number];

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;
const bool = { type: 'boolean' } as const;
const integer = { type: 'integer' } as const;
const text = { type: 'text' } as const;
const keywordWithText = { type: 'keyword', fields: { text } } as const;
const users = { properties: { id: keyword, name: keyword } } as const;
const common = {
  id: keyword,
  namespace: keyword,
  created_at: date,
  created_by: keyword,
  updated_at: date,
  updated_by: keyword,
  schema_version: integer,
} as const;

export type MappingProperties = Record<string, unknown>;

export const RESOURCE_MAPPINGS: Record<ResourceName, MappingProperties> = {
  conversations: {
    ...common,
    title: keywordWithText,
    conversation_type: keyword,
    users,
    api_config: {
      properties: { connector_id: keyword, action_type_id: keyword, provider: keyword, model: keyword, default_system_prompt_id: keyword },
    },
    messages: { type: 'object', enabled: false },
    replacements: { type: 'object', enabled: false },
    message_count: integer,
    exclude_from_last_conversation_storage: bool,
  },
  prompts: {
    ...common,
    name: keywordWithText,
    name_lower: keyword,
    prompt_type: keyword,
    content: text,
    categories: keyword,
    color: keyword,
    is_new_conversation_default: bool,
    default_for_conversation_types: keyword,
    users,
  },
  'anonymization-fields': {
    ...common,
    field: keyword,
    allowed: bool,
    anonymized: bool,
    is_default: bool,
    pending_review: bool,
  },
  'knowledge-base': {
    ...common,
    name: keywordWithText,
    type: keyword,
    kb_resource: keyword,
    source: keyword,
    text,
    required: bool,
    global: bool,
    users,
    sensitive_values: { type: 'object', enabled: false },
    index: keyword,
    field: keyword,
    description: text,
    query_description: text,
    input_schema: { type: 'object', enabled: false },
    output_fields: keyword,
  },
};

export const META_MAPPING: MappingProperties = {
  resource: keyword,
  space_id: keyword,
  schema_version: integer,
  seeded_defaults_version: integer,
  seeded_fields: { type: 'keyword', index: false, doc_values: false },
  kb_mode: keyword,
  kb_inference_id: keyword,
  kb_backfill: { type: 'object', enabled: false },
  kb_degraded_reason: { type: 'keyword', index: false, doc_values: false },
  updated_at: date,
};

/** Current document/mapping version of each resource; documents carry it as `schema_version`. */
export const SCHEMA_VERSIONS: Record<ResourceName, number> = {
  conversations: 2,
  prompts: 1,
  'anonymization-fields': 1,
  'knowledge-base': 1,
};

/** Stored field names a `_find` KQL filter may use, per resource. */
export const FILTERABLE_FIELDS: Record<ResourceName, string[]> = Object.fromEntries(
  Object.entries(RESOURCE_MAPPINGS).map(([resource, properties]) => [resource, flattenFieldNames(properties)]),
) as Record<ResourceName, string[]>;

function flattenFieldNames(properties: MappingProperties, prefix = ''): string[] {
  return Object.entries(properties).flatMap(([name, raw]) => {
    const def = raw as { enabled?: boolean; properties?: MappingProperties; fields?: MappingProperties };
    const path = `${prefix}${name}`;
    if (def.enabled === false) return [];
    if (def.properties) return flattenFieldNames(def.properties, `${path}.`);
    return [path, ...Object.keys(def.fields ?? {}).map((sub) => `${path}.${sub}`)];
  });
}
