import type { Prompt, PromptCreate, PromptType } from '../../../common/api/prompts';
import { BUILT_IN_QUICK_PROMPTS, BUILT_IN_SYSTEM_PROMPTS } from '../../../common/prompts';
import { SCHEMA_VERSIONS } from '../mappings';

export interface StoredPrompt {
  id: string;
  namespace: string;
  name: string;
  name_lower: string;
  prompt_type: PromptType;
  content: string;
  categories?: string[];
  color?: string;
  is_new_conversation_default?: boolean;
  default_for_conversation_types?: string[];
  users: Array<{ id?: string; name: string }>;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  schema_version: number;
}

const BUILT_IN_TIMESTAMP = new Date(0).toISOString();
const BUILT_IN_AUTHOR = 'elastic';

export function newStoredPrompt(input: { id: string; spaceId: string; user: { id?: string; name: string }; now: string; create: PromptCreate }): StoredPrompt {
  const { create } = input;
  const base = {
    id: input.id,
    namespace: input.spaceId,
    name: create.name,
    name_lower: create.name.toLowerCase(),
    prompt_type: create.promptType,
    content: create.content,
    users: [input.user],
    created_at: input.now,
    created_by: input.user.name,
    updated_at: input.now,
    updated_by: input.user.name,
    schema_version: SCHEMA_VERSIONS.prompts,
  };
  return create.promptType === 'system'
    ? { ...base, is_new_conversation_default: create.isNewConversationDefault, default_for_conversation_types: create.defaultForConversationTypes }
    : { ...base, color: create.color, categories: create.categories };
}

export function promptFromStored(s: StoredPrompt): Prompt {
  return {
    id: s.id,
    promptType: s.prompt_type,
    name: s.name,
    content: s.content,
    isDefault: false,
    ...(s.prompt_type === 'system'
      ? { isNewConversationDefault: s.is_new_conversation_default ?? false, defaultForConversationTypes: s.default_for_conversation_types ?? [] }
      : { color: s.color, categories: s.categories ?? [] }),
    namespace: s.namespace,
    createdAt: s.created_at,
    createdBy: s.created_by,
    updatedAt: s.updated_at,
    updatedBy: s.updated_by,
  };
}

/** The built-ins as API prompts of a space (read-only, `isDefault:true`). */
export function builtInPrompts(spaceId: string): Prompt[] {
  const meta = { isDefault: true, namespace: spaceId, createdAt: BUILT_IN_TIMESTAMP, createdBy: BUILT_IN_AUTHOR, updatedAt: BUILT_IN_TIMESTAMP, updatedBy: BUILT_IN_AUTHOR };
  return [
    ...BUILT_IN_SYSTEM_PROMPTS.map((p) => ({
      id: p.id,
      promptType: 'system' as const,
      name: p.name,
      content: p.content,
      isNewConversationDefault: false,
      defaultForConversationTypes: [...p.defaultForConversationTypes],
      ...meta,
    })),
    ...BUILT_IN_QUICK_PROMPTS.map((p) => ({
      id: p.id,
      promptType: 'quick' as const,
      name: p.name,
      content: p.content,
      color: p.color,
      categories: [...p.categories],
      ...meta,
    })),
  ];
}

/** A prompt in stored names, so one KQL filter applies to stored and built-in prompts alike. */
export function promptAsStoredFields(p: Prompt): Record<string, unknown> {
  return {
    id: p.id,
    namespace: p.namespace,
    name: p.name,
    name_lower: p.name.toLowerCase(),
    prompt_type: p.promptType,
    content: p.content,
    categories: p.categories,
    color: p.color,
    is_new_conversation_default: p.isNewConversationDefault,
    default_for_conversation_types: p.defaultForConversationTypes,
    created_at: p.createdAt,
    created_by: p.createdBy,
    updated_at: p.updatedAt,
    updated_by: p.updatedBy,
    is_default: p.isDefault,
  };
}
