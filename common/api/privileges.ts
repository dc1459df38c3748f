import { ASSISTANT_API_PRIVILEGES, ASSISTANT_FEATURE_ID } from '../constants';

/**
 * API privilege tags (assistant.md §9). The host has no sub-feature privileges, so the two Customize
 * sub-features are modelled as extra api tags that the feature's `all` privilege grants (Kibana's default for
 * sub-features); handlers and data clients check them, so single and bulk routes behave the same.
 */
export const ASSISTANT_PRIVILEGES = {
  read: ASSISTANT_API_PRIVILEGES.read,
  all: ASSISTANT_API_PRIVILEGES.all,
  updateAnonymization: `${ASSISTANT_FEATURE_ID}-updateAnonymization`,
  manageGlobalKnowledgeBase: `${ASSISTANT_FEATURE_ID}-manageGlobalKnowledgeBase`,
} as const;

/** The host actions plugin's tags (Connectors: Read / All). */
export const CONNECTORS_PRIVILEGES = { read: 'actions-read', all: 'actions-all' } as const;

/** Labels the UI and 403 messages use to name a missing privilege. */
export const PRIVILEGE_LABELS: Record<string, string> = {
  [ASSISTANT_PRIVILEGES.read]: 'AI Assistant: Read',
  [ASSISTANT_PRIVILEGES.all]: 'AI Assistant: All',
  [ASSISTANT_PRIVILEGES.updateAnonymization]: 'AI Assistant › Customize › Edit anonymization',
  [ASSISTANT_PRIVILEGES.manageGlobalKnowledgeBase]: 'AI Assistant › Customize › Manage global knowledge base',
  [CONNECTORS_PRIVILEGES.read]: 'Connectors: Read',
  [CONNECTORS_PRIVILEGES.all]: 'Connectors: All',
};
