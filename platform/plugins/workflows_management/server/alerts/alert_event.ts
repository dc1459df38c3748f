import { getField, getString } from './alert_source';

/** The `rule` of an alert-triggered run (workflow-engine §6.2). */
export interface AlertEventRule {
  id: string;
  name: string;
  tags: string[];
  consumer: string;
  producer: string;
  ruleTypeId: string;
}

export interface FetchedAlert {
  _id: string;
  _index: string;
  /** `_source` with dotted keys already expanded. */
  source: Record<string, unknown>;
}

export interface AlertRunEvent {
  alerts: Array<Record<string, unknown> & { _id: string; _index: string }>;
  rule: AlertEventRule;
  spaceId: string;
}

export function buildAlertRule(source: Record<string, unknown>): AlertEventRule {
  const tags = getField(source, 'kibana.alert.rule.tags');
  return {
    id: getString(source, 'kibana.alert.rule.uuid') ?? '',
    name: getString(source, 'kibana.alert.rule.name') ?? '',
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : typeof tags === 'string' ? [tags] : [],
    consumer: getString(source, 'kibana.alert.rule.consumer') ?? '',
    producer: getString(source, 'kibana.alert.rule.producer') ?? '',
    ruleTypeId: getString(source, 'kibana.alert.rule.rule_type_id') ?? '',
  };
}

/**
 * `{alerts: [{_id, _index, …source}], rule, spaceId}` with `rule` from the first alert, plus the distinct rule ids
 * so the caller can warn when the alerts come from several rules.
 */
export function buildAlertRunEvent(alerts: readonly FetchedAlert[], spaceId: string): { event: AlertRunEvent; ruleIds: string[] } {
  const first = alerts[0];
  if (!first) throw new Error('An alert run needs at least one alert');
  const ruleIds = [...new Set(alerts.map((a) => getString(a.source, 'kibana.alert.rule.uuid') ?? ''))];
  return {
    event: {
      alerts: alerts.map((a) => ({ ...a.source, _id: a._id, _index: a._index })),
      rule: buildAlertRule(first.source),
      spaceId,
    },
    ruleIds,
  };
}

/** A programmatic event (`runWorkflow(…, 'alert')` from a host feature) is already shaped `{alerts, rule, …}`. */
export function isPreparedAlertEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && Array.isArray((event as { alerts?: unknown }).alerts) && 'rule' in event;
}
