import type { z } from 'zod/v4';
import { getConnectorType, isConnectorTypeId, type ConnectorTypeDefinition } from './connector_types';
import { invalidConnector } from './errors';

function issuesOf(error: z.ZodError, prefix: string): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.'),
    message: issue.message,
  }));
}

/** Validates a connector's type, config and secrets with its type's schemas; errors name every failing path. */
export function validateConnector(
  input: { actionTypeId: string; config: unknown; secrets: unknown },
  pathPrefix = '',
): { type: ConnectorTypeDefinition; config: Record<string, unknown>; secrets: Record<string, unknown> } {
  const at = (p: string) => (pathPrefix ? `${pathPrefix}.${p}` : p);
  if (!isConnectorTypeId(input.actionTypeId)) {
    throw invalidConnector(`Connector type ${input.actionTypeId} is not supported; use .gen-ai, .anthropic, .bedrock or .gemini`, [
      { path: at('connector_type_id'), message: 'unsupported connector type' },
    ]);
  }
  const type = getConnectorType(input.actionTypeId);
  const config = type.configSchema.safeParse(input.config ?? {});
  const secrets = type.secretsSchema.safeParse(input.secrets ?? {});
  const details = [
    ...(config.success ? [] : issuesOf(config.error, at('config'))),
    ...(secrets.success ? [] : issuesOf(secrets.error, at('secrets'))),
  ];
  if (!config.success || !secrets.success) {
    throw invalidConnector(`Invalid ${type.name} connector: ${details.map((d) => `[${d.path}]: ${d.message}`).join('; ')}`, details);
  }
  return { type, config: config.data, secrets: secrets.data };
}
