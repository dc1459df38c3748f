/**
 * The ground-truth manifest, written next to the data and never into it: scenario incidents with their
 * alert ids and expected verdicts, trap entities with how many alerts carry them, and background totals.
 */
import { SCENARIOS } from './scenarios';
import type { SampleAlert, ScenarioId, Verdict } from './types';

export interface GroundTruthIncident {
  incident: string;
  alert_ids: string[];
  /** Alert ids per story step. */
  roles: Record<string, string[]>;
  hosts: string[];
  users: string[];
}

export interface GroundTruthManifest {
  version: 1;
  seed: number | string;
  space_id: string;
  now: string;
  count: number;
  scenarios: Array<{ id: ScenarioId; story: string; expected_verdict: Verdict; incidents: GroundTruthIncident[] }>;
  traps: Array<{ entity: string; alert_count: number; scenario_alert_count: number }>;
  background: { count: number; by_status: Record<string, number> };
}

function readString(doc: Record<string, unknown>, path: string): string | undefined {
  const [head, ...rest] = path.split('.');
  const v = rest.reduce<unknown>((cur, key) => (typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[key] : undefined), doc[head ?? '']);
  return typeof v === 'string' ? v : undefined;
}

export class GroundTruthCollector {
  private readonly incidents = new Map<string, { scenario: ScenarioId; data: GroundTruthIncident }>();
  private readonly traps = new Map<string, { all: number; scenario: number }>();
  private backgroundCount = 0;
  private readonly byStatus: Record<string, number> = {};
  private total = 0;

  constructor(private readonly meta: { seed: number | string; spaceId: string; now: number }) {}

  add(sample: SampleAlert): void {
    this.total++;
    const { label } = sample;
    for (const trap of label.traps ?? []) {
      const t = this.traps.get(trap) ?? { all: 0, scenario: 0 };
      t.all++;
      if (label.scenario !== 'background') t.scenario++;
      this.traps.set(trap, t);
    }
    if (label.scenario === 'background') {
      this.backgroundCount++;
      const status = String(sample.doc['kibana.alert.workflow_status']);
      this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
      return;
    }
    const key = label.incident ?? label.scenario;
    let entry = this.incidents.get(key);
    if (!entry) {
      entry = { scenario: label.scenario, data: { incident: key, alert_ids: [], roles: {}, hosts: [], users: [] } };
      this.incidents.set(key, entry);
    }
    const inc = entry.data;
    inc.alert_ids.push(sample.id);
    if (label.role) (inc.roles[label.role] ??= []).push(sample.id);
    const host = readString(sample.doc, 'host.name');
    if (host && !inc.hosts.includes(host)) inc.hosts.push(host);
    const user = readString(sample.doc, 'user.name');
    if (user && !inc.users.includes(user)) inc.users.push(user);
  }

  toJSON(): GroundTruthManifest {
    return {
      version: 1,
      seed: this.meta.seed,
      space_id: this.meta.spaceId,
      now: new Date(this.meta.now).toISOString(),
      count: this.total,
      scenarios: SCENARIOS.map((s) => ({
        id: s.id,
        story: s.story,
        expected_verdict: s.verdict,
        incidents: [...this.incidents.values()].filter((i) => i.scenario === s.id).map((i) => i.data),
      })),
      traps: [...this.traps.entries()]
        .map(([entity, c]) => ({ entity, alert_count: c.all, scenario_alert_count: c.scenario }))
        .sort((a, b) => b.alert_count - a.alert_count || a.entity.localeCompare(b.entity)),
      background: { count: this.backgroundCount, by_status: this.byStatus },
    };
  }
}
