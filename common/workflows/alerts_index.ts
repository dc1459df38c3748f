/**
 * The alerts index of a space and the space rule (triage-steps §3.1 "Space rule"): a caller may only name the
 * space's alias or one of its concrete backing indices, so a workflow in one space can never read another's alerts.
 */

const ALERTS_ALIAS_PREFIX = '.alerts-security.alerts-';
const ALERTS_BACKING_PREFIX = '.internal.alerts-security.alerts-';

/** `alias(S)` = `.alerts-security.alerts-<S>`. */
export const alertsAliasForSpace = (spaceId: string): string => `${ALERTS_ALIAS_PREFIX}${spaceId}`;

const isBackingIndexOfSpace = (index: string, spaceId: string): boolean => {
  const prefix = `${ALERTS_BACKING_PREFIX}${spaceId}-`;
  return index.startsWith(prefix) && /^\d{6}$/.test(index.slice(prefix.length));
};

export type AlertsIndexKind = 'alias' | 'concrete';

/** `alias` or `concrete` when the index belongs to the space, `undefined` when it is outside it. */
export function classifyAlertsIndex(index: string, spaceId: string): AlertsIndexKind | undefined {
  if (index === alertsAliasForSpace(spaceId)) return 'alias';
  if (isBackingIndexOfSpace(index, spaceId)) return 'concrete';
  return undefined;
}

export const isAlertsIndexOfSpace = (index: string, spaceId: string): boolean =>
  classifyAlertsIndex(index, spaceId) !== undefined;

export const outsideSpaceMessage = (index: string, spaceId: string): string =>
  `Index ${index} is not an alerts index of space ${spaceId}; use ${alertsAliasForSpace(spaceId)} or one of its ` +
  `${ALERTS_BACKING_PREFIX}${spaceId}-NNNNNN backing indices`;

/** A document whose `kibana.space_ids` is present but lacks the space counts as not found. */
export function belongsToSpace(spaceIds: unknown, spaceId: string): boolean {
  if (spaceIds === undefined || spaceIds === null) return true;
  const list = Array.isArray(spaceIds) ? spaceIds : [spaceIds];
  return list.includes(spaceId);
}
