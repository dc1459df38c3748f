import { z } from 'zod/v4';
import {
  apiConfigSchema,
  bulkActionSchema,
  conversationTypeSchema,
  fieldRuleSchema,
  findQueryWith,
  idSchema,
  replacementsSchema,
  userRefSchema,
} from './primitives';

/** Conversations and messages (assistant.md §3.3). Message content is stored tokenized (§5.6). */

export const messageContextSchema = z.strictObject({
  id: z.string(),
  category: z.string(),
  description: z.string(),
  /** Exactly what was sent to the model (tokenized). */
  serialized: z.string(),
  alertId: z.string().optional(),
  fieldOverrides: z.array(fieldRuleSchema).optional(),
});

export const toolCallRecordSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  args: z.unknown(),
  ok: z.boolean(),
  summary: z.string().optional(),
});

export const finishReasonSchema = z.enum(['stop', 'length', 'max_steps', 'stopped', 'error']);
export type FinishReason = z.infer<typeof finishReasonSchema>;

export const usageSchema = z.strictObject({
  inputTokens: z.number().int().nonnegative().optional(),
  outputTokens: z.number().int().nonnegative().optional(),
  totalTokens: z.number().int().nonnegative().optional(),
});

export const messageSchema = z.strictObject({
  id: z.string(),
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string().max(100_000),
  timestamp: z.string(),
  isError: z.boolean().optional(),
  metadata: z
    .strictObject({
      contexts: z.array(messageContextSchema).optional(),
      toolCalls: z.array(toolCallRecordSchema).optional(),
      finishReason: finishReasonSchema.optional(),
      errorCode: z.string().optional(),
      usage: usageSchema.optional(),
    })
    .optional(),
});
export type Message = z.infer<typeof messageSchema>;

export const MAX_MESSAGES_PER_CONVERSATION = 1_000;

export const conversationCreateSchema = z.strictObject({
  id: idSchema.optional(),
  title: z.string().max(255).default(''),
  conversationType: conversationTypeSchema.default('general'),
  apiConfig: apiConfigSchema.optional(),
  messages: z.array(messageSchema).max(MAX_MESSAGES_PER_CONVERSATION).optional(),
  replacements: replacementsSchema.optional(),
  excludeFromLastConversationStorage: z.boolean().optional(),
});
export type ConversationCreate = z.input<typeof conversationCreateSchema>;

/** `id` and `conversationType` are immutable. */
export const conversationUpdateSchema = conversationCreateSchema.omit({ id: true, conversationType: true }).partial().strict();
export type ConversationUpdate = z.infer<typeof conversationUpdateSchema>;

export interface Conversation {
  id: string;
  title: string;
  conversationType: z.infer<typeof conversationTypeSchema>;
  apiConfig?: z.infer<typeof apiConfigSchema>;
  messages?: Message[];
  replacements?: Record<string, string>;
  excludeFromLastConversationStorage?: boolean;
  namespace: string;
  createdAt: string;
  updatedAt: string;
  users: z.infer<typeof userRefSchema>[];
  createdBy: string;
  messageCount: number;
}

/** C6 `_find` query. */
export const conversationsFindQuerySchema = findQueryWith({});
export type ConversationsFindQuery = z.infer<typeof conversationsFindQuerySchema>;

/** C7 `_bulk_action`: updates carry their `id`. */
export const conversationBulkUpdateSchema = conversationUpdateSchema.extend({ id: z.string().min(1) }).strict();
export const conversationsBulkActionSchema = bulkActionSchema(conversationCreateSchema, conversationBulkUpdateSchema);
export type ConversationsBulkAction = z.infer<typeof conversationsBulkActionSchema>;

/** C5 body. */
export const deleteAllConversationsSchema = z
  .strictObject({ excludedIds: z.array(z.string().min(1)).max(10_000).optional() })
  .optional()
  .transform((b) => b ?? {});
export interface DeleteAllConversationsResponse {
  success: boolean;
  totalDeleted: number;
  failures: Array<{ id: string; message: string }>;
}

/** C8 query. */
export const conversationsExportQuerySchema = z.object({
  ids: z.union([z.array(z.string().min(1)), z.string().transform((s) => s.split(',').filter(Boolean))]).optional(),
});

export interface ConversationsImportResponse {
  success: boolean;
  imported: number;
  /** Colliding ids were given new ones. */
  renamed: Array<{ from: string; to: string }>;
  errors: Array<{ line: number; message: string }>;
}
