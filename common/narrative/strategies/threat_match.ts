import type { AlertFieldReader } from '../../workflows/field_access';
import { ctx, opt, suffix } from '../compose';
import type { NarrativeStrategy } from '../types';

const MATCHED = 'threat.indicator.matched';
// Indicator-match rules also write the match under `threat.enrichments[]`; read it when the flat form is absent.
const ENRICHMENT_MATCHED = 'threat.enrichments.matched';

const matched = (alert: AlertFieldReader, key: string): string | undefined =>
  alert.firstText(`${MATCHED}.${key}`, `${ENRICHMENT_MATCHED}.${key}`);

export const threatMatchStrategy: NarrativeStrategy = {
  id: 'threat_match',
  priority: 100,
  matches: (alert) => alert.ruleTypeIs('threat_match') || alert.has(`${MATCHED}.atomic`),
  render: (alert) =>
    'Threat indicator match' +
    opt(matched(alert, 'type'), ' (', ')') +
    opt(matched(alert, 'atomic'), ': ') +
    opt(matched(alert, 'field'), ' matched on field ') +
    opt(
      alert.firstText(
        'threat.feed.name',
        'threat.indicator.provider',
        'threat.enrichments.feed.name',
        'threat.enrichments.indicator.provider',
      ),
      ' from ',
    ) +
    ctx(alert) +
    suffix(alert),
};
