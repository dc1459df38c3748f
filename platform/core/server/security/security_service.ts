import type { CoreConfig } from '../config';
import type { AuthenticatedUser, Headers, KibanaRequest, PrivilegeRequirement } from '../http';
import { getRequestState, serializeCookie } from '../http';
import type { Logger } from '../logging';
import { createAuthenticator, BASIC_PROVIDER, SESSION_COOKIE } from './authenticator';
import { ensureElasticPassword } from './elastic_password';
import type { ElasticPassword } from './elastic_password';
import { FeatureRegistry } from './features';
import { BUILT_IN_ROLES, missingPrivileges, resolveSpacePrivileges } from './privileges';
import type { RoleDefinition, SpacePrivileges } from './privileges';
import { SessionStore } from './sessions';
import { UserStore } from './users';

/** Kibana's default session idle timeout. */
export const SESSION_IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;

export interface SecurityServiceStart {
  authc: { getCurrentUser(request: KibanaRequest): AuthenticatedUser | null };
  authz: {
    getPrivileges(user: AuthenticatedUser, spaceId: string): SpacePrivileges;
    checkPrivileges(user: AuthenticatedUser, spaceId: string, requirements: readonly PrivilegeRequirement[]): string[];
  };
}

export class SecurityService {
  readonly features = new FeatureRegistry();
  readonly sessions = new SessionStore({ idleTimeoutMs: SESSION_IDLE_TIMEOUT_MS });
  readonly authenticate: (headers: Headers) => ReturnType<ReturnType<typeof createAuthenticator>>;

  private constructor(
    readonly users: UserStore,
    readonly roles: ReadonlyMap<string, RoleDefinition>,
    readonly elasticPassword: ElasticPassword,
    private readonly logger: Logger
  ) {
    this.authenticate = createAuthenticator({ users, sessions: this.sessions });
  }

  static async create(options: { config: CoreConfig['security']; dataPath: string; logger: Logger }): Promise<SecurityService> {
    const elasticPassword = await ensureElasticPassword({
      dataPath: options.dataPath,
      bootstrapPassword: options.config.bootstrapPassword,
    });
    const users = await UserStore.create({ elasticHash: elasticPassword.hash, users: options.config.users });
    const roles = new Map<string, RoleDefinition>(Object.entries(BUILT_IN_ROLES));
    for (const [name, role] of Object.entries(options.config.roles)) {
      if (roles.has(name)) throw new Error(`security.roles.${name}: a built-in role has this name`);
      roles.set(name, { name, kibana: role.kibana });
    }
    for (const user of options.config.users) {
      for (const role of user.roles) {
        if (!roles.has(role)) options.logger.warn(`User ${user.username} has unknown role ${role}; it grants nothing`);
      }
    }
    return new SecurityService(users, roles, elasticPassword, options.logger);
  }

  /** Warns about roles naming features no plugin registered (typos, or plugins not loaded). */
  checkRoleFeatures(): void {
    const known = new Set(this.features.getAll().map((f) => f.id));
    for (const role of this.roles.values()) {
      for (const entry of role.kibana) {
        for (const featureId of Object.keys(entry.feature)) {
          if (!known.has(featureId)) this.logger.warn(`Role ${role.name} names unknown feature ${featureId}; it grants nothing`);
        }
      }
    }
  }

  getPrivileges(user: AuthenticatedUser, spaceId: string): SpacePrivileges {
    return resolveSpacePrivileges(user.roles, this.roles, this.features.getAll(), spaceId);
  }

  authorize(user: AuthenticatedUser, spaceId: string, requirements: readonly PrivilegeRequirement[]): string[] {
    return missingPrivileges(this.getPrivileges(user, spaceId), requirements);
  }

  async login(username: string, password: string): Promise<{ user: AuthenticatedUser; setCookie: string } | undefined> {
    if (!(await this.users.verify(username, password))) return undefined;
    const user = this.users.toAuthenticatedUser(username, BASIC_PROVIDER);
    if (!user) return undefined;
    const session = this.sessions.create(username, BASIC_PROVIDER);
    return {
      user,
      setCookie: serializeCookie(SESSION_COOKIE, session.sid, { path: '/', maxAgeSeconds: SESSION_IDLE_TIMEOUT_MS / 1000 }),
    };
  }

  logout(sid: string | undefined): string {
    if (sid) this.sessions.delete(sid);
    return serializeCookie(SESSION_COOKIE, '', { path: '/', maxAgeSeconds: 0 });
  }

  start(): SecurityServiceStart {
    return {
      authc: { getCurrentUser: (request) => getRequestState(request).user },
      authz: {
        getPrivileges: (user, spaceId) => this.getPrivileges(user, spaceId),
        checkPrivileges: (user, spaceId, requirements) => this.authorize(user, spaceId, requirements),
      },
    };
  }
}
