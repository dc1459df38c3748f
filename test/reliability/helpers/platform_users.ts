/** The four identities of the privilege matrix (issue 9): superuser, analyst, read-only user, user without the assistant. */
export const USERS = {
  analyst: { username: 'analyst', password: 'analyst-password' },
  reader: { username: 'reader', password: 'reader-password' },
  outsider: { username: 'outsider', password: 'outsider-password' },
} as const;

export type MatrixUser = 'elastic' | keyof typeof USERS;

/** `security.users` / `security.roles` settings for `startTestPlatform`. Outsider equals analyst minus the assistant. */
export const USERS_CONFIG: Record<string, unknown> = {
  'security.users': [
    { username: USERS.analyst.username, password: USERS.analyst.password, roles: ['h9_analyst'] },
    { username: USERS.reader.username, password: USERS.reader.password, roles: ['h9_reader'] },
    { username: USERS.outsider.username, password: USERS.outsider.password, roles: ['h9_outsider'] },
  ],
  'security.roles': {
    h9_analyst: {
      kibana: [{ spaces: ['*'], base: [], feature: { securitySolutionAssistant: ['all'], securitySolution: ['all'], actions: ['read'], workflowsManagement: ['all'] } }],
    },
    h9_reader: {
      kibana: [{ spaces: ['*'], base: [], feature: { securitySolutionAssistant: ['read'], securitySolution: ['read'], actions: ['read'], workflowsManagement: ['read'] } }],
    },
    h9_outsider: {
      kibana: [{ spaces: ['*'], base: [], feature: { securitySolution: ['all'], actions: ['read'], workflowsManagement: ['all'] } }],
    },
  },
};

export const ALL_PLUGINS = ['securityAiAssistant', 'securitySolution', 'actions', 'workflowsManagement'] as const;
