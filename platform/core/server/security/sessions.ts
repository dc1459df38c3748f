import { randomBytes } from 'node:crypto';

export interface Session {
  sid: string;
  username: string;
  provider: { type: string; name: string };
  createdAt: number;
  lastAccessAt: number;
}

/** Sessions in memory; a restart logs everyone out, as the cookie names no server-side state afterwards. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly options: { idleTimeoutMs: number; now?: () => number }) {}

  private now() {
    return (this.options.now ?? Date.now)();
  }

  create(username: string, provider: Session['provider']): Session {
    this.prune();
    const now = this.now();
    const session: Session = { sid: randomBytes(32).toString('base64url'), username, provider, createdAt: now, lastAccessAt: now };
    this.sessions.set(session.sid, session);
    return session;
  }

  /** The live session for the id, touching its idle timer; expired ones are dropped. */
  get(sid: string): Session | undefined {
    const session = this.sessions.get(sid);
    if (!session) return undefined;
    const now = this.now();
    if (now - session.lastAccessAt > this.options.idleTimeoutMs) {
      this.sessions.delete(sid);
      return undefined;
    }
    session.lastAccessAt = now;
    return session;
  }

  delete(sid: string): void {
    this.sessions.delete(sid);
  }

  get size(): number {
    return this.sessions.size;
  }

  private prune() {
    const now = this.now();
    for (const [sid, s] of this.sessions) if (now - s.lastAccessAt > this.options.idleTimeoutMs) this.sessions.delete(sid);
  }
}
