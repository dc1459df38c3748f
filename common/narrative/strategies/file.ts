import { ctx, opt, suffix } from '../compose';
import type { NarrativeStrategy } from '../types';

export const fileStrategy: NarrativeStrategy = {
  id: 'file',
  priority: 10,
  matches: (alert) =>
    (alert.has('file.path') || alert.has('file.name')) &&
    !alert.has('process.name') &&
    (alert.categoryIs('file') || alert.datasetIs('endpoint.events.file') || alert.datasetIs('file')),
  render: (alert) =>
    `File ${alert.text('event.action') ?? 'event'}` +
    opt(alert.firstText('file.path', 'file.name')) +
    opt(alert.text('file.extension'), ' (', ')') +
    opt(alert.num('file.size'), ', ', ' bytes') +
    opt(alert.text('file.hash.sha256'), ' sha256:') +
    ctx(alert) +
    suffix(alert),
};
