import { createAlertFieldReader, type AlertSource } from '../workflows/field_access';
import { DEFAULT_MAX_VALUE_LENGTH } from '../workflows/render_alert_narrative/schema';
import { tidy } from './compose';
import {
  authenticationStrategy,
  cloudStrategy,
  dnsStrategy,
  fileStrategy,
  machineLearningStrategy,
  networkStrategy,
  processStrategy,
  registryStrategy,
  summaryStrategy,
  threatMatchStrategy,
} from './strategies';
import type { Narrative, NarrativeStrategy } from './types';

export interface NarrativeRegistry {
  /** Strategies by descending priority (the order they are tried). */
  readonly strategies: readonly NarrativeStrategy[];
  render(source: AlertSource, options?: { maxValueLength?: number }): Narrative;
}

/**
 * Orders strategies by descending priority. Ids and priorities must be unique, and the last strategy must match
 * everything, so every alert gets a narrative.
 */
export function createNarrativeRegistry(strategies: readonly NarrativeStrategy[]): NarrativeRegistry {
  const ordered = [...strategies].sort((a, b) => b.priority - a.priority);
  const ids = new Set(ordered.map((s) => s.id));
  const priorities = new Set(ordered.map((s) => s.priority));
  if (ids.size !== ordered.length) throw new Error('Narrative strategy ids must be unique');
  if (priorities.size !== ordered.length) throw new Error('Narrative strategy priorities must be unique');
  if (ordered.length === 0) throw new Error('A narrative registry needs at least one strategy');
  const fallback = ordered[ordered.length - 1];
  return {
    strategies: ordered,
    render(source, options = {}) {
      const reader = createAlertFieldReader(source, options.maxValueLength ?? DEFAULT_MAX_VALUE_LENGTH);
      const strategy = ordered.find((candidate) => candidate.matches(reader)) ?? fallback;
      return { strategy: strategy.id, text: tidy(strategy.render(reader)) };
    },
  };
}

export const DEFAULT_NARRATIVE_STRATEGIES: readonly NarrativeStrategy[] = [
  threatMatchStrategy,
  machineLearningStrategy,
  dnsStrategy,
  cloudStrategy,
  authenticationStrategy,
  registryStrategy,
  networkStrategy,
  fileStrategy,
  summaryStrategy,
  processStrategy,
];

export const defaultNarrativeRegistry: NarrativeRegistry = createNarrativeRegistry(DEFAULT_NARRATIVE_STRATEGIES);

/** The narrative of one alert source with the default strategies. */
export const renderNarrative = (source: AlertSource, options?: { maxValueLength?: number }): Narrative =>
  defaultNarrativeRegistry.render(source, options);
