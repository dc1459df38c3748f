import type { ServerStepDefinition } from '../../../workflows_extensions/common';
import { createAgentConversationsStore } from './ai/agent_conversations_store';
import { createAiAgentStepDefinition } from './ai/ai_agent_step';
import { createAiPromptStepDefinition } from './ai/ai_prompt_step';
import { consoleStepDefinition } from './console/console_step';
import { dataSetStepDefinition } from './data_set/data_set_step';
import { elasticsearchStepDefinitions } from './elasticsearch/es_steps';
import { createHttpStepDefinition } from './http/http_step';
import { kibanaStepDefinitions } from './kibana/kibana_steps';
import type { BuiltinStepServices } from './types';
import { waitStepDefinition } from './wait/wait_step';

export type {
  AgentAttachment,
  AgentConversation,
  AgentConversationRound,
  AgentConversationsStore,
  AgentDefinition,
  AgentRegistry,
  AgentUsage,
  BuiltinStepServices,
} from './types';
export * from './errors';
export { redactStepInput, redactHeaders, SENSITIVE_HEADERS } from './http/redact';
export { isHostAllowed } from './http/allowed_hosts';
export { HTTP_DEFAULT_TIMEOUT } from './http/http_step';
export { spacePath } from './kibana/space_path';
export { parseDuration } from './wait/duration';
export { abortableDelay } from './wait/wait_step';
export { AGENT_CONVERSATIONS_INDEX, createAgentConversationsStore } from './ai/agent_conversations_store';
export { DEFAULT_AGENT_ID } from './ai/ai_agent_step';

/** The host's leaf built-in steps (workflow-engine §2.2–2.6), registered through the same registry as plugins. */
export function createBuiltinStepDefinitions(services: BuiltinStepServices): ServerStepDefinition[] {
  const conversations =
    services.agentConversations ?? createAgentConversationsStore({ esClient: services.esInternalClient, ...(services.now ? { now: services.now } : {}) });
  return [
    dataSetStepDefinition,
    consoleStepDefinition,
    waitStepDefinition,
    createHttpStepDefinition({ allowedHosts: services.httpAllowedHosts }),
    ...elasticsearchStepDefinitions,
    ...kibanaStepDefinitions,
    createAiPromptStepDefinition({ actions: services.actions, ...(services.aiRequestGuards ? { guards: services.aiRequestGuards } : {}) }),
    createAiAgentStepDefinition({
      actions: services.actions,
      agents: services.agents,
      ...(services.aiRequestGuards ? { guards: services.aiRequestGuards } : {}),
      conversations,
      ...(services.now ? { now: services.now } : {}),
    }),
  ];
}
