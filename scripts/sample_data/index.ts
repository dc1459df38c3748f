/** Labelled security-alert sample corpus: generator, ground truth and seeding. */
export { generateSampleAlerts, minimumSampleCount, toEpochMillis } from './generate';
export { GroundTruthCollector } from './manifest';
export type { GroundTruthManifest, GroundTruthIncident } from './manifest';
export { seedSampleData } from './seed_sample_data';
export type { SeedOptions, SeedResult } from './seed_sample_data';
export { SCENARIO_IDS } from './types';
export type { AlertDocument, AlertLabel, GenerateOptions, SampleAlert, ScenarioId, Verdict } from './types';
export { writeManifest } from './write_manifest';
