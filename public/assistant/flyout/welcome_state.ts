/** §1.3: which welcome/empty state applies (pure, so each privilege combination is testable). */
import type { AiConnector, AssistantCapabilities } from '../../api';

export type WelcomeState = 'loading' | 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6' | 'ready';

export interface WelcomeInput {
  capabilities: AssistantCapabilities | undefined;
  connectors: AiConnector[] | undefined;
  /** The conversation's stored connector id (undefined for drafts or when unset). */
  storedConnectorId: string | undefined;
  messageCount: number;
}

export function welcomeState({ capabilities, connectors, storedConnectorId, messageCount }: WelcomeInput): WelcomeState {
  // Callouts wait for both (#182210): a skeleton instead of a flash of the wrong callout.
  if (!capabilities || (capabilities.connectorsRead && !connectors)) return 'loading';
  if (!capabilities.assistantAll) return 'W4';
  if (!capabilities.connectorsRead) return 'W3';
  if (!connectors || connectors.length === 0) return capabilities.connectorsAll ? 'W1' : 'W2';
  if (storedConnectorId && !connectors.some((c) => c.id === storedConnectorId)) return 'W6';
  return messageCount === 0 ? 'W5' : 'ready';
}

/** Composer per state: W1–W3 off, W4 hidden, others on. */
export function composerMode(state: WelcomeState): 'on' | 'off' | 'hidden' {
  if (state === 'W4') return 'hidden';
  if (state === 'W1' || state === 'W2' || state === 'W3' || state === 'loading') return 'off';
  return 'on';
}

/** The connector a send will use: the conversation's, else the draft's choice, else the default (§3.5). */
export function effectiveConnector(connectors: AiConnector[] | undefined, storedId: string | undefined, draftId: string | undefined, defaultId: string | null | undefined): AiConnector | undefined {
  if (!connectors) return undefined;
  const byId = (id: string | null | undefined) => (id ? connectors.find((c) => c.id === id) : undefined);
  return byId(storedId) ?? byId(draftId) ?? byId(defaultId) ?? connectors.find((c) => c.isDefault) ?? connectors[0];
}
