import type { Client } from '@elastic/elasticsearch';
import type { ActionsPluginStart } from '../../../actions/server';
import type { AiRequestGuardFactory } from '../contract';

/** An agent `ai.agent` can talk to (workflow-engine §2.6). The registry is owned by the runner plugin. */
export interface AgentDefinition {
  id: string;
  name: string;
  instructions: string;
}

export interface AgentRegistry {
  get(id: string): AgentDefinition | undefined;
}

export interface AgentAttachment {
  id?: string;
  type: string;
  data: unknown;
  /** Only hides the block in the UI; the model still sees it. */
  hidden?: boolean;
}

export interface AgentUsage {
  connectorId: string;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

/** One round of an agent conversation: what the user sent and what the agent answered. */
export interface AgentConversationRound {
  /** The step's `with.message`. */
  message: string;
  /** The user turn as the model saw it: the message plus one `<attachment>` block per attachment. */
  userContent: string;
  attachments?: AgentAttachment[];
  /** The agent's answer (the JSON text of the structured output when a schema was given). */
  response: string;
  structuredOutput?: unknown;
  usage: AgentUsage;
  model?: string;
  metadata?: Record<string, unknown>;
  createdAt: string;
}

export interface AgentConversation {
  id: string;
  title: string;
  agentId: string;
  owner: string;
  spaceId: string;
  createdAt: string;
  updatedAt: string;
  rounds: AgentConversationRound[];
}

/** Conversations are scoped by space and owner: another owner's or space's id reads as missing. */
export interface AgentConversationsStore {
  get(params: { id: string; spaceId: string; owner: string }): Promise<AgentConversation | undefined>;
  create(params: { title: string; agentId: string; spaceId: string; owner: string; round: AgentConversationRound }): Promise<AgentConversation>;
  appendRound(params: { id: string; spaceId: string; owner: string; round: AgentConversationRound }): Promise<AgentConversation>;
}

/** Host services the built-in leaf steps need; passed in by the engine plugin at start. */
export interface BuiltinStepServices {
  /** LLM connectors; without it the AI steps fail with ConnectorNotFoundError. */
  actions?: ActionsPluginStart;
  /** `workflows.http.allowedHosts`: exact hosts, `*.domain` or `*`. */
  httpAllowedHosts: readonly string[];
  agents: AgentRegistry;
  /** Host-identity client, used for the agent conversations index. */
  esInternalClient: Client;
  /** Override the conversations store (tests); defaults to the `.workflows-agent-conversations` index store. */
  agentConversations?: AgentConversationsStore;
  kibanaUrl: string;
  /** Clock for conversation timestamps (tests). */
  now?: () => Date;
  /** Guards every AI step request consults (registered by plugins at setup, read at run time). */
  aiRequestGuards?: () => readonly AiRequestGuardFactory[];
}
