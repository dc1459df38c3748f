import { z } from 'zod/v4';

/** HTTP contract of the actions plugin (Kibana's connectors API), shared by server routes and browser clients. */

export const ACTIONS_API_PRIVILEGES = { read: 'actions-read', all: 'actions-all' } as const;

export const ACTIONS_ROUTES = {
  connector: '/api/actions/connector/{id?}',
  connectors: '/api/actions/connectors',
  connectorById: '/api/actions/connector/{id}',
  execute: '/api/actions/connector/{id}/_execute',
  settings: '/internal/actions/settings',
} as const;

export const AI_CONNECTOR_TYPES = ['.gen-ai', '.anthropic', '.bedrock', '.gemini'] as const;

export const DEFAULT_CONNECTOR_SETTING_KEY = 'genAI:defaultConnectorId';

const connectorId = z.string().min(1).max(255).regex(/^[A-Za-z0-9_.-]+$/, 'ids use letters, digits, ".", "_" and "-"');
const settingsRecord = z.record(z.string(), z.unknown());

export const optionalConnectorIdParams = z.object({ id: connectorId.optional() }).strict();
export const connectorIdParams = z.object({ id: z.string().min(1).max(255) }).strict();

export const createConnectorBody = z
  .object({
    name: z.string().trim().min(1).max(255),
    connector_type_id: z.string().min(1),
    config: settingsRecord.default({}),
    secrets: settingsRecord.default({}),
  })
  .strict();

export const updateConnectorBody = z
  .object({
    name: z.string().trim().min(1).max(255),
    config: settingsRecord.default({}),
    /** Write-only: omit to keep the stored secrets. */
    secrets: settingsRecord.optional(),
  })
  .strict();

export const executeConnectorBody = z
  .object({
    params: z
      .object({
        subAction: z.enum(['test', 'invokeAI']).default('test'),
        subActionParams: z
          .object({
            messages: z
              .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1).max(100_000) }).strict())
              .min(1)
              .max(100)
              .optional(),
            model: z.string().min(1).max(200).optional(),
            temperature: z.number().min(0).max(2).optional(),
            timeoutMs: z.number().int().min(1000).max(600_000).optional(),
          })
          .strict()
          .default({}),
      })
      .strict()
      .default({ subAction: 'test', subActionParams: {} }),
  })
  .strict();

export const connectorResponse = z.object({
  id: z.string(),
  name: z.string(),
  connector_type_id: z.string(),
  /** Omitted for preconfigured connectors, as in Kibana. */
  config: settingsRecord.optional(),
  is_preconfigured: z.boolean(),
  is_deprecated: z.boolean(),
  is_missing_secrets: z.boolean(),
  is_system_action: z.boolean(),
});

export const executeConnectorResponse = z.union([
  z.object({
    connector_id: z.string(),
    status: z.literal('ok'),
    data: z.object({
      message: z.string(),
      model: z.string().optional(),
      usage: z.object({ inputTokens: z.number(), outputTokens: z.number(), totalTokens: z.number() }).optional(),
      latencyMs: z.number(),
    }),
  }),
  z.object({
    connector_id: z.string(),
    status: z.literal('error'),
    message: z.string(),
    service_message: z.string(),
    code: z.string(),
    retry: z.boolean(),
  }),
]);

export const updateSettingsBody = z
  .object({ changes: z.object({ [DEFAULT_CONNECTOR_SETTING_KEY]: z.string().min(1).max(255).nullable() }).strict() })
  .strict();

export const settingsResponse = z.object({
  settings: z.object({ [DEFAULT_CONNECTOR_SETTING_KEY]: z.string().nullable() }),
});

export type CreateConnectorBody = z.infer<typeof createConnectorBody>;
export type UpdateConnectorBody = z.infer<typeof updateConnectorBody>;
export type ExecuteConnectorBody = z.infer<typeof executeConnectorBody>;
export type ConnectorResponse = z.infer<typeof connectorResponse>;
export type ExecuteConnectorResponse = z.infer<typeof executeConnectorResponse>;
export type SettingsResponse = z.infer<typeof settingsResponse>;
