import { createConversationScrubber, guardOutbound, type ReplacementsStore, type Scrubber } from '../../common/anonymization';
import type { ChatClient, ChatMessage, ChatRequest } from '../../platform/plugins/actions/server';

/** The state the guard scrubs against: the conversation's map (it grows during a turn) and this turn's D. */
export interface GuardState {
  store: ReplacementsStore;
  denied: Set<string>;
  minFreeTextLength: number;
}

export function scrubberFor(state: GuardState): Scrubber {
  return createConversationScrubber({ store: state.store, denied: [...state.denied], minFreeTextLength: state.minFreeTextLength });
}

/** AN-5 on one request: system, every message and every echoed tool-call argument. */
export function guardRequest(request: ChatRequest, state: GuardState): ChatRequest {
  const options = { store: state.store, denied: [...state.denied], minFreeTextLength: state.minFreeTextLength };
  const [system, ...messages] = guardOutbound<ChatMessage>(
    [{ role: 'system', content: request.system ?? '' }, ...request.messages],
    options,
  );
  return { ...request, ...(request.system !== undefined ? { system: system.content } : {}), messages };
}

/**
 * Wraps a connector's client so that no request can bypass the guard: chat, tool and title turns all go
 * through here (AN-5). The guard reads the state at call time, so tokens issued by tools are covered.
 */
export function createGuardedClient(client: ChatClient, state: GuardState): ChatClient {
  return {
    connectorId: client.connectorId,
    connectorName: client.connectorName,
    actionTypeId: client.actionTypeId,
    defaultModel: client.defaultModel,
    chatComplete: (request) => client.chatComplete(guardRequest(request, state)),
    stream: (request) => client.stream(guardRequest(request, state)),
  };
}
