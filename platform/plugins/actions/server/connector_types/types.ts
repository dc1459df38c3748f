import type { z } from 'zod/v4';
import type { ChatClient, ChatTimeouts } from '../llm/types';
import type { RetryOptions } from '../llm/retry_policy';

export const AI_CONNECTOR_TYPE_IDS = ['.gen-ai', '.anthropic', '.bedrock', '.gemini'] as const;
export type ConnectorTypeId = (typeof AI_CONNECTOR_TYPE_IDS)[number];

/** Options every chat client gets from the service (tests shorten them). */
export interface ChatClientFactoryOptions {
  retry?: Partial<RetryOptions>;
  timeouts?: ChatTimeouts;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface ConnectorForClient {
  id: string;
  name: string;
  actionTypeId: ConnectorTypeId;
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
}

export interface ConnectorTypeDefinition<Config extends Record<string, unknown> = Record<string, unknown>> {
  id: ConnectorTypeId;
  name: string;
  configSchema: z.ZodType<Config>;
  secretsSchema: z.ZodType<Record<string, unknown>>;
  /** Whether the stored secrets are enough to call the provider (false → `is_missing_secrets`). */
  hasRequiredSecrets(config: Config, secrets: Record<string, unknown>): boolean;
  /** Provider label for the UI (`OpenAI`, `Azure OpenAI`, `Other`, `Anthropic`, …). */
  provider(config: Config): string;
  defaultModel(config: Config): string | undefined;
  createChatClient(connector: ConnectorForClient, options: ChatClientFactoryOptions): ChatClient;
}
