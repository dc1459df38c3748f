import type { KibanaFeatureConfig } from '../platform/core/server';
import { ASSISTANT_API_PRIVILEGES, ASSISTANT_FEATURE_ID, PLUGIN_ID } from '../common/constants';
import { ASSISTANT_PRIVILEGES } from '../common/api/privileges';

/**
 * The "Elastic AI Assistant" Kibana feature (assistant.md §9). The host has no sub-feature privileges, so the
 * Customize sub-features (Edit anonymization, Manage global knowledge base) are api tags granted by `all` — on by
 * default as in Kibana, but not removable per role here; handlers and data clients check them.
 */
export const assistantFeature: KibanaFeatureConfig = {
  id: ASSISTANT_FEATURE_ID,
  name: 'Elastic AI Assistant',
  category: { id: 'security', label: 'Security' },
  app: [PLUGIN_ID],
  privileges: {
    all: {
      api: [
        ASSISTANT_API_PRIVILEGES.all,
        ASSISTANT_API_PRIVILEGES.read,
        ASSISTANT_PRIVILEGES.updateAnonymization,
        ASSISTANT_PRIVILEGES.manageGlobalKnowledgeBase,
      ],
      ui: ['ai-assistant', 'updateAIAssistant', 'updateAIAssistantAnonymization', 'manageGlobalKnowledgeBaseAIAssistant'],
    },
    read: { api: [ASSISTANT_API_PRIVILEGES.read], ui: ['ai-assistant'] },
  },
};
