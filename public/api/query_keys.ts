/**
 * React-query keys. Every key starts with the space id, so switching spaces never shows another space's
 * cached data (no flash of wrong state), and one invalidation per resource refreshes every view of it.
 */
export const queryKeys = {
  all: (spaceId: string) => ['securityAiAssistant', spaceId] as const,
  conversations: (spaceId: string) => ['securityAiAssistant', spaceId, 'conversations'] as const,
  conversationList: (spaceId: string, search: string) => ['securityAiAssistant', spaceId, 'conversations', 'list', search] as const,
  conversationTable: (spaceId: string, page: number, perPage: number) => ['securityAiAssistant', spaceId, 'conversations', 'table', page, perPage] as const,
  conversation: (spaceId: string, id: string) => ['securityAiAssistant', spaceId, 'conversations', 'one', id] as const,
  capabilities: (spaceId: string) => ['securityAiAssistant', spaceId, 'capabilities'] as const,
  connectors: (spaceId: string) => ['securityAiAssistant', spaceId, 'connectors'] as const,
  prompts: (spaceId: string) => ['securityAiAssistant', spaceId, 'prompts'] as const,
  anonymizationPolicy: (spaceId: string) => ['securityAiAssistant', spaceId, 'anonymization', 'policy'] as const,
  anonymizationTable: (spaceId: string, page: number, perPage: number, search: string, pendingOnly: boolean) =>
    ['securityAiAssistant', spaceId, 'anonymization', 'table', page, perPage, search, pendingOnly] as const,
  anonymization: (spaceId: string) => ['securityAiAssistant', spaceId, 'anonymization'] as const,
  kb: (spaceId: string) => ['securityAiAssistant', spaceId, 'kb'] as const,
  kbStatus: (spaceId: string) => ['securityAiAssistant', spaceId, 'kb', 'status'] as const,
  kbEntries: (spaceId: string, page: number, perPage: number, search: string) => ['securityAiAssistant', spaceId, 'kb', 'entries', page, perPage, search] as const,
};
