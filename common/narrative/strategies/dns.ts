import { ctx, opt, suffix } from '../compose';
import type { NarrativeStrategy } from '../types';

export const dnsStrategy: NarrativeStrategy = {
  id: 'dns',
  priority: 70,
  matches: (alert) => alert.has('dns.question.name'),
  render: (alert) =>
    'DNS query' +
    opt(alert.text('dns.question.name'), ' for ') +
    opt(alert.text('dns.question.type'), ' (', ')') +
    opt(alert.text('process.name'), ' from process ') +
    ctx(alert) +
    opt(alert.text('dns.resolved_ip'), ' resolved to ') +
    opt(alert.text('dns.response_code'), ' with response ') +
    suffix(alert),
};
