/** Names shared by the security_solution server, browser and the sample-data scripts. */
export const PLUGIN_ID = 'securitySolution';
export const APP_ID = 'securitySolutionUI';
export const APP_PATH = '/app/security';
export const ALERTS_PAGE_PATH = '/alerts';

export const FEATURE_ID = 'securitySolution';
export const PRIVILEGE_READ = 'securitySolution-read';
export const PRIVILEGE_ALL = 'securitySolution-all';

export const ALERTS_ALIAS_PREFIX = '.alerts-security.alerts-';
export const ALERTS_INDEX_PREFIX = '.internal.alerts-security.alerts-';

/** The alias every reader and writer uses: `.alerts-security.alerts-<space>`. */
export function alertsAliasName(spaceId: string): string {
  return `${ALERTS_ALIAS_PREFIX}${spaceId}`;
}

/** The concrete backing index behind the alias. */
export function alertsIndexName(spaceId: string): string {
  return `${ALERTS_INDEX_PREFIX}${spaceId}-000001`;
}

/** Notes of every space live in one hidden index, filtered by `space_id`. */
export const NOTES_INDEX = '.kibana-security-solution-notes';

export const DETECTION_ENGINE_SIGNALS_STATUS_URL = '/api/detection_engine/signals/status';
export const DETECTION_ENGINE_SIGNALS_TAGS_URL = '/api/detection_engine/signals/tags';
export const DETECTION_ENGINE_SIGNALS_SEARCH_URL = '/api/detection_engine/signals/search';
export const NOTE_URL = '/api/note';
