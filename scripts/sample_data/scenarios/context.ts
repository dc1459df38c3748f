/** What every scenario builder gets, and what it returns. */
import type { Estate, Host, OsFamily, User } from '../entities';
import type { Prng } from '../prng';
import type { AlertSpec, ScenarioId, Verdict } from '../types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface ScenarioAlertSpec extends AlertSpec {
  /** Step of the story (ground truth only). */
  role: string;
  /** Trap entities the alert carries, e.g. `user.name=SYSTEM`. */
  traps?: string[];
}

export interface ScenarioIncident {
  incident: string;
  alerts: ScenarioAlertSpec[];
}

export interface Scenario {
  id: ScenarioId;
  story: string;
  verdict: Verdict;
  /**
   * One incident, or several when the story's alerts form groups that nothing in the alerts themselves connects
   * (the ground truth then lists each group as its own incident of the scenario).
   */
  build(ctx: ScenarioContext): ScenarioIncident | ScenarioIncident[];
}

export interface ScenarioContext {
  prng: Prng;
  estate: Estate;
  now: number;
  /** Corpus size: recurring false-positive scenarios scale with it. */
  count: number;
  /** An unused host of that OS (optionally whose name starts with `prefix`); never handed out twice. */
  takeHost(os: OsFamily, prefix?: string): Host;
  /** An unused regular user. */
  takeUser(): User;
}

export function createScenarioContext(prng: Prng, estate: Estate, now: number, count: number): ScenarioContext {
  const usedHosts = new Set<string>();
  const usedUsers = new Set<string>();
  return {
    prng,
    estate,
    now,
    count,
    takeHost(os, prefix) {
      const pool = estate.hosts.filter((h) => h.os.family === os && !usedHosts.has(h.name));
      const preferred = prefix ? pool.filter((h) => h.name.startsWith(prefix)) : pool;
      const host = prng.pick(preferred.length > 0 ? preferred : pool);
      usedHosts.add(host.name);
      return host;
    },
    takeUser() {
      const user = prng.pick(estate.users.filter((u) => !usedUsers.has(u.name)));
      usedUsers.add(user.name);
      return user;
    },
  };
}

/** Clamp helper for scenario sizes that scale with the corpus. */
export function scaled(count: number, fraction: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(count * fraction)));
}
