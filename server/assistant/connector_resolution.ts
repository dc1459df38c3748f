import type { ActionsPluginStart, AiConnector } from '../../platform/plugins/actions/server';
import { ActionsError } from '../../platform/plugins/actions/server';
import { ChatError } from './errors';

export interface ConnectorChoice {
  connector: AiConnector;
  /** The stored connector id that no longer exists (§3.4, G3). */
  fallbackFrom?: string;
}

const isNotFound = (error: unknown) => error instanceof ActionsError && error.statusCode === 404;

/**
 * §3.4: the request's connector → the conversation's → the space default (§3.5). An explicit unknown id is a
 * 404; a stored one that vanished falls back to the default and says so.
 */
export async function resolveConnector(
  actions: ActionsPluginStart,
  spaceId: string,
  options: { requested?: string; stored?: string; configDefaultId?: string },
): Promise<ConnectorChoice> {
  if (options.requested) {
    try {
      return { connector: await actions.getConnector(spaceId, options.requested) };
    } catch (error) {
      if (isNotFound(error)) {
        throw new ChatError(404, 'connector_not_found', `Connector ${options.requested} not found in space ${spaceId}`);
      }
      throw error;
    }
  }
  let fallbackFrom: string | undefined;
  if (options.stored) {
    try {
      return { connector: await actions.getConnector(spaceId, options.stored) };
    } catch (error) {
      if (!isNotFound(error)) throw error;
      fallbackFrom = options.stored;
    }
  }
  const resolution = await actions.getDefaultConnector(spaceId, { configDefaultId: options.configDefaultId });
  if (!resolution) {
    throw new ChatError(
      400,
      'no_connector',
      fallbackFrom
        ? `This conversation's connector ${fallbackFrom} was removed and no other AI connector is configured in space ${spaceId}`
        : `No AI connector is configured in space ${spaceId}; add one under Connectors`,
    );
  }
  return { connector: resolution.connector, ...(fallbackFrom ? { fallbackFrom } : {}) };
}
