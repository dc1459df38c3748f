import { z } from 'zod/v4';
import type { ActionsPluginStart } from '../../../../actions/server';
import { createServerStepDefinition, StepCategory } from '../../../../workflows_extensions/common';
import { AgentConversationNotFoundError, AgentNotFoundError } from '../errors';
import type { AgentConversationRound, AgentConversationsStore, AgentRegistry, AgentUsage } from '../types';
import { buildAgentMessages, conversationTitle, renderUserContent } from './agent_prompt';
import { completeChat, resolveChatClient, usageOf } from './chat';
import { openRequestGuard, outgoingTextOf, scrubAttachments, scrubMessages, restoreText, restoreValue, type AiRequestGuardSource } from './request_guard';
import { jsonSchemaInput, validateStructuredOutput } from './structured_output';

export const AI_AGENT_STEP_ID = 'ai.agent';
export const DEFAULT_AGENT_ID = 'elastic-ai-agent';

/** Rendered config strings "true"/"false" read as booleans (older Kibana keeps these keys literal). */
const booleanish = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const usage = z.object({ connectorId: z.string(), inputTokens: z.number(), outputTokens: z.number(), totalTokens: z.number() });

const aiAgentInput = z.object({
  message: z.string().min(1).describe('What to ask the agent.'),
  schema: jsonSchemaInput.optional().describe('JSON Schema (object or JSON text) for `structured_output`.'),
  attachments: z
    .array(
      z.object({
        id: z.string().optional(),
        type: z.string().min(1),
        data: z.unknown(),
        hidden: z.boolean().optional(),
      }),
    )
    .optional()
    .describe('Context added to the message as `<attachment>` blocks.'),
  conversation_id: z.string().min(1).optional().describe('Continue this conversation (its earlier rounds are replayed).'),
  metadata: z.record(z.string(), z.unknown()).optional().describe('Stored with the conversation round.'),
});

const aiAgentConfig = z.object({
  'agent-id': z.string().min(1).default(DEFAULT_AGENT_ID),
  'connector-id': z.string().min(1).optional(),
  'create-conversation': booleanish.default(false),
});

export interface AiAgentStepDeps {
  actions?: ActionsPluginStart;
  agents: AgentRegistry;
  conversations: AgentConversationsStore;
  now?: () => Date;
  /** AI request guards (scrub before sending, restore the answer); none by default. */
  guards?: AiRequestGuardSource;
}

export function createAiAgentStepDefinition(deps: AiAgentStepDeps) {
  const now = deps.now ?? (() => new Date());
  return createServerStepDefinition({
    id: AI_AGENT_STEP_ID,
    label: 'AI agent',
    description: 'Asks an agent (instructions + AI connector) a question with attachments, optionally in a stored conversation.',
    category: StepCategory.Ai,
    stability: 'tech_preview',
    documentation: {
      details:
        'Config: `agent-id` (default `elastic-ai-agent`), `connector-id` (id or exact name; default connector otherwise), `create-conversation` (default false). ' +
        'Output: `{message, structured_output?, conversation_id?, metadata: {usage}}`; with `schema`, `message` is the JSON text of `structured_output`. ' +
        'Errors: `AgentNotFoundError`, `ConnectorNotFoundError`, `StructuredOutputError` (`details {raw, issues}`); on failure the output is `{message: "", metadata}`.',
      examples: [
        '- name: verdict\n  type: ai.agent\n  agent-id: elastic-ai-agent\n  connector-id: gpt41Azure\n  create-conversation: true\n  with:\n    message: "Is this alert a false positive?"\n    attachments:\n      - type: security.alert\n        data: ${{ event.alerts[0] }}\n    schema:\n      type: object\n      properties:\n        verdict: { type: string, enum: [benign, suspicious, malicious] }\n        confidence: { type: number }\n      required: [verdict, confidence]\n',
      ],
    },
    inputSchema: aiAgentInput,
    outputSchema: z.object({
      message: z.string(),
      structured_output: z.unknown().optional(),
      conversation_id: z.string().optional(),
      metadata: z.object({ usage: usage.optional() }).catchall(z.unknown()),
    }),
    configSchema: aiAgentConfig,
    async handler({ input, config, contextManager, abortSignal, stepId, stepType }) {
      const context = contextManager.getContext();
      const spaceId = context.workflow.spaceId;
      const owner = context.execution.executedBy;
      let usageSoFar: AgentUsage | undefined;
      try {
        const agent = deps.agents.get(config['agent-id']);
        if (!agent) throw new AgentNotFoundError(config['agent-id']);
        const history = input.conversation_id ? await deps.conversations.get({ id: input.conversation_id, spaceId, owner }) : undefined;
        if (input.conversation_id && !history) throw new AgentConversationNotFoundError(input.conversation_id, spaceId);

        const { connector, client } = await resolveChatClient(deps.actions, spaceId, config['connector-id']);
        const userContent = renderUserContent(input.message, input.attachments);
        const messages = buildAgentMessages(history?.rounds ?? [], userContent);
        const guard = await openRequestGuard(deps.guards?.() ?? [], {
          spaceId,
          workflowId: context.workflow.id,
          executionId: context.execution.id,
          stepId,
          stepType,
          event: context.event,
          attachments: input.attachments ?? [],
          outgoingText: outgoingTextOf(agent.instructions, messages),
        });
        // Each piece is scrubbed once: the attachments before they are rendered, so JSON escaping cannot hide a value.
        const sent = guard
          ? {
              system: guard.scrub(agent.instructions),
              messages: [
                ...scrubMessages(messages.slice(0, -1), guard.scrub),
                { role: 'user' as const, content: renderUserContent(guard.scrub(input.message), scrubAttachments(input.attachments ?? [], guard.scrub)) },
              ],
            }
          : { system: agent.instructions, messages };
        const response = await completeChat(client, { ...sent, signal: abortSignal }, input.schema, (raw) => restoreText(guard, raw));
        usageSoFar = usageOf(connector.id, response);
        // Restored before validation: the output, the stored round and later steps (notes, tags) see real values.
        const content = restoreText(guard, response.content);
        const structured = input.schema ? validateStructuredOutput(input.schema, restoreValue(guard, response.structured), content) : undefined;
        const message = input.schema ? JSON.stringify(structured) : content;

        const round: AgentConversationRound = {
          message: input.message,
          userContent,
          ...(input.attachments ? { attachments: input.attachments } : {}),
          response: message,
          ...(input.schema ? { structuredOutput: structured } : {}),
          usage: usageSoFar,
          ...(response.model ? { model: response.model } : {}),
          ...(input.metadata ? { metadata: input.metadata } : {}),
          createdAt: now().toISOString(),
        };
        let conversationId: string | undefined;
        if (input.conversation_id) {
          conversationId = (await deps.conversations.appendRound({ id: input.conversation_id, spaceId, owner, round })).id;
        } else if (config['create-conversation']) {
          conversationId = (await deps.conversations.create({ title: conversationTitle(input.message), agentId: agent.id, spaceId, owner, round })).id;
        }
        return {
          output: {
            message,
            ...(input.schema ? { structured_output: structured } : {}),
            ...(conversationId ? { conversation_id: conversationId } : {}),
            metadata: { usage: usageSoFar },
          },
        };
      } catch (error) {
        return {
          error: error instanceof Error ? error : new Error(String(error)),
          output: { message: '', metadata: usageSoFar ? { usage: usageSoFar } : {} },
        };
      }
    },
  });
}
