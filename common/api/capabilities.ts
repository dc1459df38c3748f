import type { KbMode } from './knowledge_base';

/** M1: what the current user may do in this space, so the UI can pre-disable controls (assistant.md §9). */
export interface AssistantCapabilities {
  privileges: {
    read: boolean;
    all: boolean;
    updateAnonymization: boolean;
    manageGlobalKnowledgeBase: boolean;
    connectorsRead: boolean;
    connectorsAll: boolean;
  };
  /** The api tags each missing capability would need (empty when granted). */
  missingPrivileges: Record<string, string[]>;
  knowledgeBase: { mode: KbMode; degraded_reason?: string };
}
