import type { AlertFieldReader } from '../../workflows/field_access';
import { ctx, endpoint, opt, suffix } from '../compose';
import type { NarrativeStrategy } from '../types';

/** `tcp/http`: the transport and protocol that are present, without repeating an equal pair. */
function via(alert: AlertFieldReader): string | undefined {
  const parts = [alert.text('network.transport'), alert.text('network.protocol')].filter(
    (part): part is string => part !== undefined,
  );
  const unique = parts.filter((part, i) => parts.findIndex((other) => other.toLowerCase() === part.toLowerCase()) === i);
  return unique.length > 0 ? unique.join('/') : undefined;
}

export const networkStrategy: NarrativeStrategy = {
  id: 'network',
  priority: 20,
  matches: (alert) => alert.categoryIs('network') && !alert.has('dns.question.name'),
  render: (alert) =>
    'Network' +
    opt(alert.text('network.direction')) +
    ' connection' +
    opt(alert.text('event.action'), ' (', ')') +
    opt(endpoint(alert, 'source'), ' from ') +
    opt(endpoint(alert, 'destination'), ' to ') +
    opt(via(alert), ' via ') +
    opt(alert.num('network.bytes'), ' (', ' bytes)') +
    opt(alert.text('process.name'), ' process ') +
    ctx(alert) +
    suffix(alert),
};
