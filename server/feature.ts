import type { KibanaFeatureConfig } from '../platform/core/server';
import { ASSISTANT_API_PRIVILEGES, ASSISTANT_FEATURE_ID, PLUGIN_ID } from '../common/constants';

/** The "Elastic AI Assistant" Kibana feature (assistant.md §9). */
export const assistantFeature: KibanaFeatureConfig = {
  id: ASSISTANT_FEATURE_ID,
  name: 'Elastic AI Assistant',
  category: { id: 'security', label: 'Security' },
  app: [PLUGIN_ID],
  privileges: {
    all: { api: [ASSISTANT_API_PRIVILEGES.all, ASSISTANT_API_PRIVILEGES.read], ui: ['ai-assistant', 'updateAIAssistant'] },
    read: { api: [ASSISTANT_API_PRIVILEGES.read], ui: ['ai-assistant'] },
  },
};
