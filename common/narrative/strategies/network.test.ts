import { flatten, readerOf, renderWith } from '../test_helpers';
import { networkStrategy } from './network';

const alert = {
  event: { category: ['network'], action: 'connection_attempted' },
  network: { direction: 'egress', transport: 'tcp', protocol: 'http', bytes: '4096' },
  source: { ip: '10.1.2.3', port: 51514 },
  destination: { ip: '198.51.100.20', port: 4444 },
  process: { name: 'bash' },
  user: { name: 'www-data' },
  host: { name: 'web-01' },
  'kibana.alert.severity': 'high',
  'kibana.alert.rule.name': 'Reverse Shell',
};

describe('networkStrategy', () => {
  it('renders direction, action, endpoints with ports, transport/protocol, bytes and process', () => {
    expect(renderWith(networkStrategy, alert)).toBe(
      'Network egress connection (connection_attempted) from 10.1.2.3:51514 to 198.51.100.20:4444 via tcp/http ' +
        '(4096 bytes) process bash by www-data on web-01 created high alert Reverse Shell.',
    );
  });

  it('drops a port without its ip and a transport equal to the protocol', () => {
    const source = { 'event.category': 'network', 'source.port': 53, 'network.transport': 'udp', 'network.protocol': 'UDP' };
    expect(renderWith(networkStrategy, source)).toBe('Network connection via udp');
  });

  it('leaves out non-numeric byte counts', () => {
    expect(renderWith(networkStrategy, { 'event.category': 'network', 'network.bytes': 'lots' })).toBe('Network connection');
  });

  it('does not match DNS alerts or non-network categories', () => {
    expect(networkStrategy.matches(readerOf(flatten(alert)))).toBe(true);
    expect(networkStrategy.matches(readerOf({ ...alert, dns: { question: { name: 'a.example' } } }))).toBe(false);
    expect(networkStrategy.matches(readerOf({ event: { category: 'process' } }))).toBe(false);
  });
});
