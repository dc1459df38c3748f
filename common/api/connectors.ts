import { z } from 'zod/v4';

/** Connectors as the assistant lists and tests them (assistant.md §3.3, §3.5). */

export interface AiConnectorInfo {
  id: string;
  name: string;
  actionTypeId: string;
  provider: string;
  defaultModel?: string;
  contextWindowTokens?: number;
  toolCalling: 'auto' | 'native' | 'prompted';
  isPreconfigured: boolean;
  isMissingSecrets: boolean;
  isDefault: boolean;
}

export interface ConnectorsResponse {
  connectors: AiConnectorInfo[];
  defaultConnectorId: string | null;
}

export const connectorIdParamsSchema = z.strictObject({ id: z.string().min(1).max(255) });

export const connectorTestBodySchema = z
  .strictObject({ model: z.string().min(1).max(200).optional() })
  .optional()
  .transform((b) => b ?? {});

export interface ConnectorTestResponse {
  ok: boolean;
  latencyMs: number;
  model?: string;
  /** How tools worked in the probe: `native` tool calls, or `prompted` when the model did not call the tool. */
  toolCalling?: 'native' | 'prompted';
  error?: { code: string; message: string };
}
