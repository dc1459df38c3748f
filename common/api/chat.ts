import { z } from 'zod/v4';
import { finishReasonSchema, messageSchema, usageSchema } from './conversations';
import { conversationTypeSchema, fieldNameSchema, fieldRuleSchema, idSchema, replacementsSchema } from './primitives';

/** `POST /api/security_ai_assistant/chat/complete` (assistant.md §3.4) and its NDJSON stream events (§3.6). */

export const CHAT_COMPLETE_PATH = '/api/security_ai_assistant/chat/complete';
export const PUBLIC_API_VERSION = '2023-10-31';

export const MAX_CHAT_MESSAGE_LENGTH = 50_000;
export const MAX_CONTEXTS_PER_MESSAGE = 10;
export const MAX_CONTEXT_TEXT_LENGTH = 50_000;

const contextSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('alert'), alertId: z.string().min(1).max(512) }),
  z.strictObject({
    kind: z.literal('data'),
    data: z.record(fieldNameSchema, z.array(z.string().max(MAX_CONTEXT_TEXT_LENGTH)).max(1_000)),
  }),
  z.strictObject({ kind: z.literal('text'), text: z.string().max(MAX_CONTEXT_TEXT_LENGTH) }),
]);

export const promptContextInputSchema = z.strictObject({
  id: z.string().min(1).max(256),
  category: z.string().min(1).max(100),
  description: z.string().max(1_000),
  fieldOverrides: z.array(fieldRuleSchema).max(2_000).optional(),
  source: contextSourceSchema,
});
export type PromptContextInput = z.infer<typeof promptContextInputSchema>;

export const chatCompleteRequestSchema = z
  .strictObject({
    conversationId: idSchema.optional(),
    conversation: z
      .strictObject({ title: z.string().max(255).optional(), conversationType: conversationTypeSchema.optional() })
      .optional(),
    connectorId: z.string().min(1).max(256).optional(),
    model: z.string().min(1).max(200).optional(),
    systemPromptId: z.string().min(1).max(256).optional(),
    message: z.string().min(1).max(MAX_CHAT_MESSAGE_LENGTH).optional(),
    regenerate: z.boolean().default(false),
    contexts: z.array(promptContextInputSchema).max(MAX_CONTEXTS_PER_MESSAGE).default([]),
    replacements: replacementsSchema.default({}),
    alertsToAnalyze: z.number().int().min(1).max(500).default(50),
    responseLanguage: z.string().min(1).max(100).optional(),
    timeZone: z.string().min(1).max(100).optional(),
    stream: z.boolean().default(true),
    persist: z.boolean().default(true),
  })
  .superRefine((body, ctx) => {
    if (body.regenerate) {
      if (!body.conversationId) {
        ctx.addIssue({ code: 'custom', path: ['conversationId'], message: 'regenerate needs a conversationId' });
      }
      return;
    }
    if (body.message === undefined && body.contexts.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['message'], message: 'Send a message or at least one context' });
    }
  });
export type ChatCompleteRequest = z.infer<typeof chatCompleteRequestSchema>;
export type ChatCompleteRequestInput = z.input<typeof chatCompleteRequestSchema>;

// ---- stream events (§3.6): one JSON object per line ----

export const conversationEventSchema = z.strictObject({
  type: z.literal('conversation'),
  conversationId: z.string(),
  title: z.string(),
  created: z.boolean(),
  connectorId: z.string(),
  connectorFallbackFrom: z.string().optional(),
  userMessage: messageSchema.optional(),
});
export const replacementsEventSchema = z.strictObject({ type: z.literal('replacements'), replacements: replacementsSchema });
export const toolCallEventSchema = z.strictObject({ type: z.literal('tool_call'), id: z.string(), name: z.string(), args: z.unknown() });
export const toolResultEventSchema = z.strictObject({
  type: z.literal('tool_result'),
  id: z.string(),
  name: z.string(),
  ok: z.boolean(),
  summary: z.string(),
});
export const contentEventSchema = z.strictObject({ type: z.literal('content'), payload: z.string() });
export const titleEventSchema = z.strictObject({ type: z.literal('title'), title: z.string() });
export const pingEventSchema = z.strictObject({ type: z.literal('ping') });
export const doneEventSchema = z.strictObject({
  type: z.literal('done'),
  message: messageSchema,
  replacements: replacementsSchema,
  finishReason: finishReasonSchema,
  usage: usageSchema.optional(),
});
export const errorEventSchema = z.strictObject({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  persistedMessage: messageSchema.optional(),
});

export const chatStreamEventSchema = z.discriminatedUnion('type', [
  conversationEventSchema,
  replacementsEventSchema,
  toolCallEventSchema,
  toolResultEventSchema,
  contentEventSchema,
  titleEventSchema,
  pingEventSchema,
  doneEventSchema,
  errorEventSchema,
]);
export type ChatStreamEvent = z.infer<typeof chatStreamEventSchema>;
export type ChatStreamEventType = ChatStreamEvent['type'];
export type TerminalChatEvent = Extract<ChatStreamEvent, { type: 'done' | 'error' }>;

/** `stream:false` answer. */
export const chatCompleteResponseSchema = z.strictObject({
  conversationId: z.string(),
  title: z.string(),
  message: messageSchema,
  replacements: replacementsSchema,
  finishReason: finishReasonSchema,
});
export type ChatCompleteResponse = z.infer<typeof chatCompleteResponseSchema>;

/** Error codes the chat answers with (HTTP `attributes.code` or the `error` event's `code`). */
export const CHAT_ERROR_CODES = [
  'connector_not_found',
  'connector_missing_secrets',
  'no_connector',
  'conversation_not_found',
  'system_prompt_not_found',
  'alert_not_found',
  'nothing_to_regenerate',
  'message_too_long',
  'anonymization_override_forbidden',
  'too_many_messages',
  'actions_unavailable',
  'llm_rate_limited',
  'llm_unavailable',
  'llm_bad_response',
  'llm_auth_failed',
  'llm_context_length_exceeded',
  'llm_content_filtered',
  'llm_timeout',
  'llm_bad_request',
  'llm_tools_unsupported',
  'llm_not_supported',
  'validation_failed',
  'internal_error',
] as const;
export type ChatErrorCode = (typeof CHAT_ERROR_CODES)[number];
