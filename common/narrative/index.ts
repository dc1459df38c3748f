export type { Narrative, NarrativeStrategy, NarrativeStrategyId } from './types';
export {
  createNarrativeRegistry,
  defaultNarrativeRegistry,
  renderNarrative,
  DEFAULT_NARRATIVE_STRATEGIES,
} from './registry';
export type { NarrativeRegistry } from './registry';
export { tidy } from './compose';
export * from './strategies';
