import type { AlertFieldReader } from '../../workflows/field_access';
import { ctx, opt, suffix } from '../compose';
import type { NarrativeStrategy } from '../types';

const LOGON = ['logon', 'log_on', 'login'];
const LOGOFF = ['logoff', 'log_off', 'logout'];

function headline(alert: AlertFieldReader): string {
  const action = alert.text('event.action');
  const outcome = alert.text('event.outcome');
  const lowered = action?.toLowerCase() ?? '';
  if (LOGON.some((word) => lowered.includes(word))) return `Authentication logon ${outcome ?? 'attempt'}`;
  if (LOGOFF.some((word) => lowered.includes(word))) return 'Authentication logoff';
  return 'Authentication event' + opt(action) + opt(outcome, ' (', ')');
}

function from(alert: AlertFieldReader): string {
  const ip = alert.text('source.ip');
  if (ip === undefined) return '';
  return ` from ${ip}` + opt(alert.text('source.as.organization.name'), ' (', ')');
}

export const authenticationStrategy: NarrativeStrategy = {
  id: 'authentication',
  priority: 50,
  matches: (alert) => alert.categoryIs('authentication') || alert.datasetIs('endpoint.events.security'),
  render: (alert) => headline(alert) + ctx(alert) + from(alert) + opt(alert.text('process.name'), ' via ') + suffix(alert),
};
