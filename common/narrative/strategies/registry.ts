import { ctx, opt, suffix } from '../compose';
import type { NarrativeStrategy } from '../types';

export const registryStrategy: NarrativeStrategy = {
  id: 'registry',
  priority: 40,
  matches: (alert) =>
    alert.has('registry.key') || alert.has('registry.path') || alert.datasetIs('endpoint.events.registry'),
  render: (alert) =>
    `Registry ${alert.text('event.action') ?? 'event'}` +
    opt(alert.firstText('registry.path', 'registry.key'), ' on ') +
    opt(alert.text('registry.value'), ' value ') +
    opt(alert.text('registry.data.strings'), ' data ') +
    opt(alert.text('process.name'), ' by process ') +
    ctx(alert) +
    suffix(alert),
};
