/** §6.4 suggested prompts per context category and the alert context the alert flyout offers. */
import { flattenDocument } from '../../common/anonymization';
import type { PromptContext } from './service';

export const SUGGESTED_PROMPTS: Record<string, string> = {
  alert:
    'Write a case-ready triage summary of this alert: how risky it is and why, the MITRE ATT&CK tactics and techniques involved, the investigation steps to take next, recommended response actions, and KQL or ES|QL queries that would help. Say what is still unknown.',
  event:
    'Write a case-ready triage summary of this event: how risky it is and why, the MITRE ATT&CK tactics and techniques involved, the investigation steps to take next, recommended response actions, and KQL or ES|QL queries that would help.',
  'detection-rules':
    'For each rule: explain its purpose, its query and logic, the MITRE ATT&CK mapping, and how to tune it against false positives.',
  'data-quality-dashboard': 'List the ECS incompatibilities in this data and how to fix each of them.',
};

export interface AlertLike {
  id: string;
  source: Record<string, unknown>;
}

export function alertTitle(alert: AlertLike): string {
  const flat = flattenDocument(alert.source);
  const rule = flat['kibana.alert.rule.name']?.[0] ?? 'Alert';
  const at = flat['@timestamp']?.[0];
  return at ? `${rule} · ${at}` : rule;
}

export function alertPromptContext(alert: AlertLike): PromptContext {
  return {
    id: `alert-${alert.id}`,
    category: 'alert',
    description: 'Selected alert',
    getPromptContext: () => alert.source,
    suggestedUserPrompt: SUGGESTED_PROMPTS.alert,
    source: { kind: 'alert', alertId: alert.id },
  };
}
