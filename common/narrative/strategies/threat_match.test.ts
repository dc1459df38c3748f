import { flatten, readerOf, renderWith } from '../test_helpers';
import { threatMatchStrategy } from './threat_match';

const alert = {
  'kibana.alert.rule.type': 'threat_match',
  'kibana.alert.rule.name': 'Threat Intel IP Match',
  'kibana.alert.severity': 'critical',
  threat: {
    indicator: { matched: { type: 'ipv4-addr', atomic: '198.51.100.7', field: 'destination.ip' }, provider: 'abuse.ch' },
    feed: { name: 'AbuseCH Feodo' },
  },
  user: { name: 'alice' },
  host: { name: 'ws-01' },
};

describe('threatMatchStrategy', () => {
  it('renders every piece, preferring the feed name over the provider', () => {
    expect(renderWith(threatMatchStrategy, alert)).toBe(
      'Threat indicator match (ipv4-addr): 198.51.100.7 matched on field destination.ip from AbuseCH Feodo by alice ' +
        'on ws-01 created critical alert Threat Intel IP Match.',
    );
  });

  it('falls back to the indicator provider and leaves out absent pieces', () => {
    const source = { threat: { indicator: { matched: { atomic: 'evil.example' }, provider: 'OTX' } } };
    expect(renderWith(threatMatchStrategy, source)).toBe('Threat indicator match: evil.example from OTX');
  });

  it('reads the match from threat.enrichments when the indicator form is absent', () => {
    const source = {
      'kibana.alert.rule.type': 'threat_match',
      threat: { enrichments: [{ matched: { atomic: '203.0.113.5', field: 'source.ip', type: 'indicator_match_rule' } }] },
    };
    expect(renderWith(threatMatchStrategy, source)).toBe(
      'Threat indicator match (indicator_match_rule): 203.0.113.5 matched on field source.ip',
    );
  });

  it('matches on the rule type or on a matched atomic, and not otherwise', () => {
    expect(threatMatchStrategy.matches(readerOf({ 'kibana.alert.rule.type': 'THREAT_MATCH' }))).toBe(true);
    expect(threatMatchStrategy.matches(readerOf({ 'threat.indicator.matched.atomic': 'x' }))).toBe(true);
    expect(threatMatchStrategy.matches(readerOf({ 'kibana.alert.rule.type': 'query', threat: { framework: 'MITRE' } }))).toBe(
      false,
    );
  });

  it('renders flat and nested forms identically', () => {
    expect(renderWith(threatMatchStrategy, flatten(alert))).toBe(renderWith(threatMatchStrategy, alert));
  });
});
