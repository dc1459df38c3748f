import type { AuthenticationResult, Headers } from '../http';
import { readCookie } from '../http';
import type { SessionStore } from './sessions';
import type { UserStore } from './users';

export const SESSION_COOKIE = 'sid';
export const HTTP_PROVIDER = { type: 'http', name: '__http__' };
export const BASIC_PROVIDER = { type: 'basic', name: 'basic' };

export function parseBasicAuthorization(header: string): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Basic credentials in the Authorization header first (API clients), then the session cookie (browser). */
export function createAuthenticator(deps: { users: UserStore; sessions: SessionStore }) {
  return async function authenticate(headers: Headers): Promise<AuthenticationResult> {
    const authorization = headers.authorization;
    if (typeof authorization === 'string' && authorization.length > 0) {
      const credentials = parseBasicAuthorization(authorization);
      if (!credentials) return { kind: 'failed', message: 'Unsupported authorization scheme; use Basic credentials' };
      if (!(await deps.users.verify(credentials.username, credentials.password))) {
        return { kind: 'failed', message: `unable to authenticate user [${credentials.username}]` };
      }
      const user = deps.users.toAuthenticatedUser(credentials.username, HTTP_PROVIDER);
      return user ? { kind: 'authenticated', user } : { kind: 'failed', message: 'Unauthorized' };
    }
    const sid = readCookie(headers.cookie, SESSION_COOKIE);
    if (sid) {
      const session = deps.sessions.get(sid);
      if (!session) return { kind: 'none' };
      const user = deps.users.toAuthenticatedUser(session.username, session.provider);
      return user ? { kind: 'authenticated', user } : { kind: 'none' };
    }
    return { kind: 'none' };
  };
}
