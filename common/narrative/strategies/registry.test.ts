import { flatten, readerOf, renderWith } from '../test_helpers';
import { registryStrategy } from './registry';

const alert = {
  event: { action: 'modification', category: 'registry' },
  registry: {
    path: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\updater',
    key: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run',
    value: 'updater',
    data: { strings: ['C:\\Users\\Public\\upd.exe'] },
  },
  process: { name: 'reg.exe' },
  user: { name: 'alice' },
  host: { name: 'ws-01' },
  'kibana.alert.rule.name': 'Run Key Persistence',
};

describe('registryStrategy', () => {
  it('renders action, path, value, data and process', () => {
    expect(renderWith(registryStrategy, alert)).toBe(
      'Registry modification on HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\updater value updater data ' +
        'C:\\Users\\Public\\upd.exe by process reg.exe by alice on ws-01 Run Key Persistence.',
    );
  });

  it('falls back to the key and to "event"', () => {
    expect(renderWith(registryStrategy, { 'registry.key': 'HKCU\\Env' })).toBe('Registry event on HKCU\\Env');
    expect(renderWith(registryStrategy, { 'event.dataset': 'endpoint.events.registry' })).toBe('Registry event');
  });

  it('matches a key, a path or the endpoint registry dataset', () => {
    expect(registryStrategy.matches(readerOf(flatten(alert)))).toBe(true);
    expect(registryStrategy.matches(readerOf({ event: { dataset: 'endpoint.events.registry' } }))).toBe(true);
    expect(registryStrategy.matches(readerOf({ event: { category: 'registry' } }))).toBe(false);
  });
});
