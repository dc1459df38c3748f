/**
 * The corpus generator: scenarios first (small, built eagerly), then background alerts streamed one by one,
 * so a 1M-alert corpus needs constant memory. Same options → byte-identical documents.
 */
import { buildAlertDocument } from './alert_builder';
import { buildEstate } from './entities';
import { createPrng } from './prng';
import { createBackgroundGenerator } from './background';
import { createScenarioContext, SCENARIOS, type ScenarioAlertSpec } from './scenarios';
import type { GenerateOptions, SampleAlert, ScenarioId, Verdict } from './types';

export function toEpochMillis(now: GenerateOptions['now']): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new Error(`Invalid "now" for sample data: ${String(now)}`);
  return ms;
}

interface PlannedIncident {
  scenario: ScenarioId;
  verdict: Verdict;
  incident: string;
  alerts: ScenarioAlertSpec[];
}

function planScenarios(seed: number | string, count: number, now: number) {
  const root = createPrng(seed);
  const estate = buildEstate(root.fork('estate'));
  const ctx = createScenarioContext(root.fork('scenarios'), estate, now, count);
  const incidents: PlannedIncident[] = SCENARIOS.flatMap((s) => {
    const built = s.build(ctx);
    return (Array.isArray(built) ? built : [built]).map((i) => ({ scenario: s.id, verdict: s.verdict, incident: i.incident, alerts: i.alerts }));
  });
  return { root, estate, incidents };
}

/** The smallest `count` that still holds every scenario in full. */
export function minimumSampleCount(seed: number | string = 1, now = Date.UTC(2026, 0, 1)): number {
  return planScenarios(seed, 0, now).incidents.reduce((n, i) => n + i.alerts.length, 0);
}

export function* generateSampleAlerts(options: GenerateOptions): Generator<SampleAlert> {
  const { count, seed, spaceId } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, got ${count}`);
  const now = toEpochMillis(options.now);
  const { root, estate, incidents } = planScenarios(seed, count, now);
  const scenarioTotal = incidents.reduce((n, i) => n + i.alerts.length, 0);
  if (scenarioTotal > count) {
    throw new Error(`count ${count} is too small for the labelled scenarios: they need ${scenarioTotal} alerts`);
  }
  const idPrng = root.fork('documents');
  for (const incident of incidents) {
    for (const spec of incident.alerts) {
      const { id, doc } = buildAlertDocument(idPrng, spec, spaceId);
      yield {
        id,
        doc,
        label: {
          scenario: incident.scenario,
          incident: incident.incident,
          expectedVerdict: incident.verdict,
          role: spec.role,
          ...(spec.traps && spec.traps.length > 0 ? { traps: spec.traps } : {}),
        },
      };
    }
  }
  const nextBackground = createBackgroundGenerator(root.fork('background'), estate, now);
  const bgDocs = root.fork('background-documents');
  for (let i = scenarioTotal; i < count; i++) {
    const spec = nextBackground();
    const { id, doc } = buildAlertDocument(bgDocs, spec, spaceId);
    yield {
      id,
      doc,
      label: { scenario: 'background', expectedVerdict: 'benign', ...(spec.traps.length > 0 ? { traps: spec.traps } : {}) },
    };
  }
}
