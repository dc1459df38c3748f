import { z } from 'zod/v4';
import type { ActionsPluginStart, ChatMessage } from '../../../../actions/server';
import { createServerStepDefinition, StepCategory } from '../../../../workflows_extensions/common';
import { completeChat, resolveChatClient, usageOf } from './chat';
import { openRequestGuard, outgoingTextOf, scrubMessages, restoreText, restoreValue, type AiRequestGuardSource } from './request_guard';
import { jsonSchemaInput, validateStructuredOutput } from './structured_output';

export const AI_PROMPT_STEP_ID = 'ai.prompt';

const usage = z.object({ connectorId: z.string(), inputTokens: z.number(), outputTokens: z.number(), totalTokens: z.number() });

const aiPromptInput = z
  .object({
    prompt: z.string().min(1).describe('The user prompt.'),
    systemPrompt: z.string().optional().describe('System instructions.'),
    schema: jsonSchemaInput.optional().describe('JSON Schema (object or JSON text) the answer must match; `content` is then the object.'),
    outputSchema: jsonSchemaInput.optional().describe('Alias of `schema`.'),
    temperature: z.number().min(0).max(1).optional().describe('Sampling temperature, 0..1.'),
    connectorId: z.string().min(1).optional().describe('Alias of the step-level `connector-id`.'),
  })
  .transform(({ outputSchema, schema, ...rest }) => ({ ...rest, schema: schema ?? outputSchema }));

export function createAiPromptStepDefinition(options: { actions?: ActionsPluginStart; guards?: AiRequestGuardSource }) {
  return createServerStepDefinition({
    id: AI_PROMPT_STEP_ID,
    label: 'AI prompt',
    description: 'Sends a prompt to an AI connector and outputs the answer, optionally as structured JSON.',
    category: StepCategory.Ai,
    stability: 'ga',
    documentation: {
      details:
        '`connector-id` is matched by id, then exact name; without it the space default connector is used (`ConnectorNotFoundError` if none). ' +
        'With `schema`, the answer is validated against it (`StructuredOutputError` with `details {raw, issues}` otherwise) and `content` is the object. ' +
        'Output: `{content, metadata: {usage: {connectorId, inputTokens, outputTokens, totalTokens}, model}}`.',
      examples: [
        '- name: summarize\n  type: ai.prompt\n  connector-id: gpt41Azure\n  with:\n    prompt: "Summarize this alert: {{ event.alerts[0] | json }}"\n    schema:\n      type: object\n      properties:\n        summary: { type: string }\n        severity: { type: string, enum: [low, medium, high] }\n      required: [summary, severity]\n',
      ],
    },
    inputSchema: aiPromptInput,
    outputSchema: z.object({
      content: z.unknown(),
      metadata: z.object({ usage, model: z.string().optional() }),
    }),
    configSchema: z.object({ 'connector-id': z.string().min(1).optional() }),
    async handler({ input, config, contextManager, abortSignal, stepId, stepType }) {
      const context = contextManager.getContext();
      const spaceId = context.workflow.spaceId;
      const { connector, client } = await resolveChatClient(options.actions, spaceId, config['connector-id'] ?? input.connectorId);
      const messages: ChatMessage[] = [{ role: 'user', content: input.prompt }];
      // The guard sees the request exactly as built and scrubs every text in it before anything is sent.
      const guard = await openRequestGuard(options.guards?.() ?? [], {
        spaceId,
        workflowId: context.workflow.id,
        executionId: context.execution.id,
        stepId,
        stepType,
        event: context.event,
        attachments: [],
        outgoingText: outgoingTextOf(input.systemPrompt, messages),
      });
      const system = input.systemPrompt && guard ? guard.scrub(input.systemPrompt) : input.systemPrompt;
      const response = await completeChat(
        client,
        {
          ...(system ? { system } : {}),
          messages: guard ? scrubMessages(messages, guard.scrub) : messages,
          ...(input.temperature === undefined ? {} : { temperature: input.temperature }),
          signal: abortSignal,
        },
        input.schema,
        (raw) => restoreText(guard, raw),
      );
      // Restored before validation, so the schema and the step output see the real values.
      const content = restoreText(guard, response.content);
      return {
        output: {
          content: input.schema ? validateStructuredOutput(input.schema, restoreValue(guard, response.structured), content) : content,
          metadata: { usage: usageOf(connector.id, response), ...(response.model ? { model: response.model } : {}) },
        },
      };
    },
  });
}
