import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuthenticatedUser } from '../http';
import { hashPassword, verifyPassword } from './password';

interface StoredUser {
  username: string;
  roles: string[];
  full_name?: string;
  email?: string;
  hash: string;
  realm: { name: string; type: string };
}

export interface UserInput {
  username: string;
  roles: string[];
  full_name?: string;
  email?: string;
  password?: string;
  passwordHash?: string;
}

/**
 * Users from config plus the `elastic` superuser. scrypt is deliberately slow, so a successful
 * check is remembered as an HMAC (random per-process key) to keep basic auth per API call cheap.
 */
export class UserStore {
  private readonly verified = new Map<string, Buffer>();
  private readonly cacheKey = randomBytes(32);

  private constructor(
    private readonly users: ReadonlyMap<string, StoredUser>,
    /** Checked against for unknown users, so a miss costs one scrypt like a wrong password (no user enumeration by timing). */
    private readonly decoyHash: string
  ) {}

  static async create(options: { elasticHash: string; users: readonly UserInput[] }): Promise<UserStore> {
    const users = new Map<string, StoredUser>();
    users.set('elastic', {
      username: 'elastic',
      roles: ['superuser'],
      hash: options.elasticHash,
      realm: { name: 'reserved', type: 'reserved' },
    });
    for (const user of options.users) {
      if (users.has(user.username)) throw new Error(`security.users: user ${user.username} is defined twice (or shadows the built-in elastic user)`);
      const hash = user.passwordHash ?? (user.password !== undefined ? await hashPassword(user.password) : undefined);
      if (!hash) throw new Error(`security.users: user ${user.username} has neither password nor passwordHash`);
      users.set(user.username, {
        username: user.username,
        roles: user.roles,
        full_name: user.full_name,
        email: user.email,
        hash,
        realm: { name: 'kibana_yml', type: 'file' },
      });
    }
    return new UserStore(users, await hashPassword(randomBytes(16).toString('hex')));
  }

  private fingerprint(username: string, password: string) {
    return createHmac('sha256', this.cacheKey).update(`${username}\u0000${password}`).digest();
  }

  async verify(username: string, password: string): Promise<boolean> {
    const user = this.users.get(username);
    if (!user) {
      await verifyPassword(password, this.decoyHash);
      return false;
    }
    const fingerprint = this.fingerprint(username, password);
    const cached = this.verified.get(username);
    if (cached && timingSafeEqual(cached, fingerprint)) return true;
    const ok = await verifyPassword(password, user.hash);
    if (ok) this.verified.set(username, fingerprint);
    return ok;
  }

  toAuthenticatedUser(username: string, provider: { type: string; name: string }): AuthenticatedUser | undefined {
    const user = this.users.get(username);
    if (!user) return undefined;
    return {
      username: user.username,
      roles: [...user.roles],
      full_name: user.full_name,
      email: user.email,
      enabled: true,
      metadata: {},
      authentication_realm: user.realm,
      lookup_realm: user.realm,
      authentication_provider: provider,
      authentication_type: 'realm',
    };
  }

  usernames(): string[] {
    return [...this.users.keys()];
  }

  rolesOf(username: string): string[] {
    return this.users.get(username)?.roles ?? [];
  }
}
