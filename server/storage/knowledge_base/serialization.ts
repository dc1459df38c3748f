import type { KbEntry, KbEntryCreate } from '../../../common/api/knowledge_base';
import { SCHEMA_VERSIONS } from '../mappings';
import type { KbEntryRecord } from '../types';

export interface StoredKbEntry {
  id: string;
  namespace: string;
  name: string;
  type: 'document' | 'index';
  kb_resource: 'user' | 'system';
  /** Where the entry came from: `settings`, `api`, `conversation` (the remember tool), `import`. */
  source: string;
  global: boolean;
  /** `[]` for global entries, `[owner]` for private ones. */
  users: Array<{ id?: string; name: string }>;
  text?: string;
  required?: boolean;
  /** Original values behind tokens in `text` (§5.6); never indexed, never returned. */
  sensitive_values?: Array<{ value: string; field: string }>;
  semantic_text?: string;
  index?: string;
  field?: string;
  description?: string;
  query_description?: string;
  input_schema?: Array<{ fieldName: string; fieldType: string; description: string }>;
  output_fields?: string[];
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  schema_version: number;
}

export function newStoredKbEntry(input: {
  id: string;
  spaceId: string;
  user: { id?: string; name: string };
  now: string;
  source: string;
  create: KbEntryCreate;
}): StoredKbEntry {
  const { create } = input;
  const base = {
    id: input.id,
    namespace: input.spaceId,
    name: create.name,
    type: create.type,
    kb_resource: 'user' as const,
    source: input.source,
    global: create.global,
    users: create.global ? [] : [input.user],
    created_at: input.now,
    created_by: input.user.name,
    updated_at: input.now,
    updated_by: input.user.name,
    schema_version: SCHEMA_VERSIONS['knowledge-base'],
  };
  if (create.type === 'document') return { ...base, text: create.text, required: create.required };
  return {
    ...base,
    index: create.index,
    field: create.field,
    description: create.description,
    query_description: create.queryDescription,
    input_schema: create.inputSchema,
    output_fields: create.outputFields,
  };
}

export function kbEntryFromStored(s: StoredKbEntry): KbEntry {
  const base = {
    id: s.id,
    type: s.type,
    name: s.name,
    global: s.global,
    kbResource: s.kb_resource,
    source: s.source,
    namespace: s.namespace,
    users: s.users,
    createdAt: s.created_at,
    createdBy: s.created_by,
    updatedAt: s.updated_at,
    updatedBy: s.updated_by,
  };
  if (s.type === 'document') return { ...base, text: s.text ?? '', required: s.required ?? false };
  return {
    ...base,
    index: s.index,
    field: s.field,
    description: s.description,
    queryDescription: s.query_description,
    inputSchema: s.input_schema ?? [],
    outputFields: s.output_fields ?? [],
  };
}

export function kbRecordFromStored(s: StoredKbEntry): KbEntryRecord {
  return {
    id: s.id,
    name: s.name,
    type: s.type,
    required: s.required ?? false,
    global: s.global,
    ...(s.text !== undefined ? { text: s.text } : {}),
    ...(s.index !== undefined ? { index: s.index } : {}),
    ...(s.field !== undefined ? { field: s.field } : {}),
    ...(s.description !== undefined ? { description: s.description } : {}),
    ...(s.query_description !== undefined ? { queryDescription: s.query_description } : {}),
    ...(s.sensitive_values?.length ? { sensitiveValues: s.sensitive_values } : {}),
  };
}
