import { flatten, readerOf, renderWith } from '../test_helpers';
import { authenticationStrategy } from './authentication';

const base = {
  event: { category: 'authentication', outcome: 'failure', action: 'ssh_login' },
  user: { name: 'root' },
  host: { name: 'bastion-1' },
  source: { ip: '203.0.113.50', as: { organization: { name: 'Example Hosting' } } },
  process: { name: 'sshd' },
  'kibana.alert.severity': 'medium',
};

describe('authenticationStrategy', () => {
  it('renders a logon with outcome, source organisation and process', () => {
    expect(renderWith(authenticationStrategy, base)).toBe(
      'Authentication logon failure by root on bastion-1 from 203.0.113.50 (Example Hosting) via sshd created ' +
        'medium alert.',
    );
  });

  it('says "attempt" for a logon without outcome and recognises log_on / logon spellings', () => {
    expect(renderWith(authenticationStrategy, { 'event.category': 'authentication', 'event.action': 'LOG_ON' })).toBe(
      'Authentication logon attempt',
    );
    expect(renderWith(authenticationStrategy, { 'event.category': 'authentication', 'event.action': 'user-logon' })).toBe(
      'Authentication logon attempt',
    );
  });

  it('renders logoffs without outcome', () => {
    const source = { 'event.category': 'authentication', 'event.action': 'logged-logout', 'event.outcome': 'success' };
    expect(renderWith(authenticationStrategy, source)).toBe('Authentication logoff');
  });

  it('renders other actions as an event with action and outcome', () => {
    const source = { 'event.dataset': 'endpoint.events.security', 'event.action': 'token_manipulation', 'event.outcome': 'success' };
    expect(renderWith(authenticationStrategy, source)).toBe('Authentication event token_manipulation (success)');
    expect(renderWith(authenticationStrategy, { 'event.category': 'authentication' })).toBe('Authentication event');
  });

  it('drops the organisation without a source ip', () => {
    const source = { 'event.category': 'authentication', source: { as: { organization: { name: 'X' } } } };
    expect(renderWith(authenticationStrategy, source)).toBe('Authentication event');
  });

  it('matches the authentication category (in an array) or the endpoint security dataset', () => {
    expect(authenticationStrategy.matches(readerOf({ event: { category: ['iam', 'Authentication'] } }))).toBe(true);
    expect(authenticationStrategy.matches(readerOf(flatten(base)))).toBe(true);
    expect(authenticationStrategy.matches(readerOf({ event: { category: 'process' } }))).toBe(false);
  });
});
