import { z } from 'zod/v4';
import { bulkActionSchema, conversationTypeSchema, findQueryWith, idSchema, queryBooleanSchema } from './primitives';

/** System and quick prompts (assistant.md §3.3, §6). Built-ins live in `common/prompts` and are read-only. */

export const MAX_PROMPTS_PER_USER = 500;
export const MAX_SYSTEM_PROMPT_LENGTH = 20_000;
export const MAX_QUICK_PROMPT_LENGTH = 10_000;

export const promptTypeSchema = z.enum(['system', 'quick']);
export type PromptType = z.infer<typeof promptTypeSchema>;
const colorSchema = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'Expected a colour like #A1B2C3');
const nameSchema = z.string().trim().min(1).max(100);

export const systemPromptCreateSchema = z.strictObject({
  id: idSchema.optional(),
  promptType: z.literal('system'),
  name: nameSchema,
  content: z.string().min(1).max(MAX_SYSTEM_PROMPT_LENGTH),
  isNewConversationDefault: z.boolean().default(false),
  defaultForConversationTypes: z.array(conversationTypeSchema).default([]),
});

export const quickPromptCreateSchema = z.strictObject({
  id: idSchema.optional(),
  promptType: z.literal('quick'),
  name: nameSchema,
  content: z.string().min(1).max(MAX_QUICK_PROMPT_LENGTH),
  color: colorSchema,
  categories: z.array(z.string().min(1).max(100)).max(10).default([]),
});

export const promptCreateSchema = z.discriminatedUnion('promptType', [systemPromptCreateSchema, quickPromptCreateSchema]);
export type PromptCreate = z.infer<typeof promptCreateSchema>;

/** `{id}` + a partial of the create shape; `promptType` is immutable (the client checks type-specific fields). */
export const promptUpdateSchema = z.strictObject({
  id: z.string().min(1),
  name: nameSchema.optional(),
  content: z.string().min(1).max(MAX_SYSTEM_PROMPT_LENGTH).optional(),
  isNewConversationDefault: z.boolean().optional(),
  defaultForConversationTypes: z.array(conversationTypeSchema).optional(),
  color: colorSchema.optional(),
  categories: z.array(z.string().min(1).max(100)).max(10).optional(),
});
export type PromptUpdate = z.infer<typeof promptUpdateSchema>;

export const promptsBulkActionSchema = bulkActionSchema(promptCreateSchema, promptUpdateSchema);
export type PromptsBulkAction = z.infer<typeof promptsBulkActionSchema>;

export const promptsFindQuerySchema = findQueryWith({
  prompt_type: promptTypeSchema.optional(),
  include_defaults: queryBooleanSchema.default(true),
});
export type PromptsFindQuery = z.infer<typeof promptsFindQuerySchema>;

export interface Prompt {
  id: string;
  promptType: PromptType;
  name: string;
  content: string;
  isDefault: boolean;
  isNewConversationDefault?: boolean;
  defaultForConversationTypes?: string[];
  color?: string;
  categories?: string[];
  namespace: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}
