import type { ActionsPluginStart, AiConnector, ChatClient, ChatRequest, ChatResponse } from '../../../../actions/server';
import { ConnectorNotFoundError, LlmRequestError, StepError, StructuredOutputError } from '../errors';
import type { AgentUsage } from '../types';
import type { JsonSchemaObject } from './structured_output';

interface ErrorWithCode {
  name: string;
  message: string;
  code?: unknown;
  status?: number;
  raw?: unknown;
}

const asCoded = (error: unknown): ErrorWithCode | undefined =>
  typeof error === 'object' && error !== null && 'name' in error && 'message' in error ? (error as ErrorWithCode) : undefined;

/**
 * workflow-engine §2.6 connector resolution: `connector-id` by id, then exact name; without one, the space default
 * (`genAI:defaultConnectorId`, the only connector, …); otherwise ConnectorNotFoundError.
 */
export async function resolveChatClient(
  actions: ActionsPluginStart | undefined,
  spaceId: string,
  connectorIdOrName: string | undefined,
): Promise<{ connector: AiConnector; client: ChatClient }> {
  if (!actions) {
    throw new ConnectorNotFoundError('No AI connector is available: the actions plugin is not enabled on this host', { spaceId });
  }
  let connector: AiConnector;
  if (connectorIdOrName) {
    try {
      connector = await actions.getConnector(spaceId, connectorIdOrName);
    } catch (error) {
      if (asCoded(error)?.code === 'connector_not_found') {
        throw new ConnectorNotFoundError(`Connector "${connectorIdOrName}" not found in space ${spaceId}`, {
          connectorId: connectorIdOrName,
          spaceId,
        });
      }
      throw error;
    }
  } else {
    const resolution = await actions.getDefaultConnector(spaceId);
    if (!resolution) {
      throw new ConnectorNotFoundError(`No AI connector configured in space ${spaceId}: set connector-id or create a connector`, { spaceId });
    }
    connector = resolution.connector;
  }
  try {
    return { connector, client: await actions.getChatClient(connector.id, { spaceId }) };
  } catch (error) {
    const coded = asCoded(error);
    if (coded && typeof coded.code === 'string') {
      throw new StepError('ConnectorUnavailableError', coded.message, { code: coded.code, connectorId: connector.id }, { cause: error });
    }
    throw error;
  }
}

export const zeroUsage = (connectorId: string): AgentUsage => ({ connectorId, inputTokens: 0, outputTokens: 0, totalTokens: 0 });

export function usageOf(connectorId: string, response: ChatResponse): AgentUsage {
  const usage = response.usage;
  return usage ? { connectorId, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, totalTokens: usage.totalTokens } : zeroUsage(connectorId);
}

/**
 * One completion; with a schema the client uses native structured output or extraction (validate the answer with
 * `validateStructuredOutput`). Connector failures become LlmRequestError with the actions plugin's code.
 */
export async function completeChat(
  client: ChatClient,
  request: Omit<ChatRequest, 'jsonSchema'>,
  schema: JsonSchemaObject | undefined,
  /** Maps a guarded answer back to real values (the raw text of a StructuredOutputError). */
  restoreRaw: (raw: string) => string = (raw) => raw,
): Promise<ChatResponse> {
  try {
    return await client.chatComplete({ ...request, ...(schema ? { jsonSchema: { name: 'structured_output', schema } } : {}) });
  } catch (error) {
    const coded = asCoded(error);
    if (coded?.name === 'LlmError' && typeof coded.code === 'string') {
      if (schema && coded.code === 'llm_bad_response' && typeof coded.raw === 'string') {
        throw new StructuredOutputError(restoreRaw(coded.raw), [{ path: [], message: 'The model did not answer with JSON' }]);
      }
      throw new LlmRequestError(coded.message, { code: coded.code, connectorId: client.connectorId, ...(coded.status ? { status: coded.status } : {}) }, error);
    }
    throw error;
  }
}
