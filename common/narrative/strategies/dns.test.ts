import { flatten, readerOf, renderWith } from '../test_helpers';
import { dnsStrategy } from './dns';

const alert = {
  event: { category: ['network'] },
  dns: {
    question: { name: 'xk2j9q.badcdn.example', type: 'A' },
    resolved_ip: ['192.0.2.10', '192.0.2.11'],
    response_code: 'NOERROR',
  },
  process: { name: 'svchost.exe' },
  host: { name: 'ws-7' },
  'kibana.alert.rule.name': 'DGA Domain',
};

describe('dnsStrategy', () => {
  it('renders the query with every resolved ip joined', () => {
    expect(renderWith(dnsStrategy, alert)).toBe(
      'DNS query for xk2j9q.badcdn.example (A) from process svchost.exe on ws-7 resolved to 192.0.2.10, 192.0.2.11 ' +
        'with response NOERROR DGA Domain.',
    );
  });

  it('leaves out absent pieces', () => {
    expect(renderWith(dnsStrategy, { 'dns.question.name': 'a.example' })).toBe('DNS query for a.example');
  });

  it('matches on dns.question.name in either form', () => {
    expect(dnsStrategy.matches(readerOf(alert))).toBe(true);
    expect(dnsStrategy.matches(readerOf(flatten(alert)))).toBe(true);
    expect(dnsStrategy.matches(readerOf({ dns: { question: { name: '  ' } } }))).toBe(false);
    expect(renderWith(dnsStrategy, flatten(alert))).toBe(renderWith(dnsStrategy, alert));
  });
});
