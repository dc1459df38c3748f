import { flatten, readerOf, renderWith } from '../test_helpers';
import { machineLearningStrategy } from './machine_learning';

const alert = {
  kibana: { alert: { rule: { type: 'machine_learning', name: 'Rare Process' } } },
  'kibana.alert.severity': 'low',
  event: { action: 'rare_process_by_host' },
  user: { name: 'bob' },
  host: { name: 'db-2' },
  source: { ip: '10.0.0.5' },
  destination: { ip: ['10.0.0.9', '10.0.0.10'] },
  message: 'Unusual process for this host',
};

describe('machineLearningStrategy', () => {
  it('renders action, context, endpoints, message and suffix in order', () => {
    expect(renderWith(machineLearningStrategy, alert)).toBe(
      'Machine learning anomaly detected: rare_process_by_host by bob on db-2 source 10.0.0.5 destination 10.0.0.9, ' +
        '10.0.0.10 Unusual process for this host created low alert Rare Process.',
    );
  });

  it('renders the bare headline when nothing else is present', () => {
    expect(renderWith(machineLearningStrategy, { 'kibana.alert.rule.type': 'machine_learning' })).toBe(
      'Machine learning anomaly detected',
    );
  });

  it('matches only machine_learning rules, also in mixed flat/nested form', () => {
    expect(machineLearningStrategy.matches(readerOf(alert))).toBe(true);
    expect(machineLearningStrategy.matches(readerOf(flatten(alert)))).toBe(true);
    expect(machineLearningStrategy.matches(readerOf({ 'kibana.alert.rule.type': 'query' }))).toBe(false);
  });
});
