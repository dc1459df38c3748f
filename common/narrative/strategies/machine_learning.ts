import { ctx, opt, suffix } from '../compose';
import type { NarrativeStrategy } from '../types';

export const machineLearningStrategy: NarrativeStrategy = {
  id: 'machine_learning',
  priority: 90,
  matches: (alert) => alert.ruleTypeIs('machine_learning'),
  render: (alert) =>
    'Machine learning anomaly detected' +
    opt(alert.text('event.action'), ': ') +
    ctx(alert) +
    opt(alert.text('source.ip'), ' source ') +
    opt(alert.text('destination.ip'), ' destination ') +
    opt(alert.text('message')) +
    suffix(alert),
};
