export { runTriageBench } from './triage_bench';
export type { TriageBenchOptions, TriageBenchResult } from './triage_bench';
