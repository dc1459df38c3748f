import type { WorkflowDefinition, WorkflowStep } from './definition';

export interface WalkedStep {
  step: WorkflowStep;
  /** Path in the definition, e.g. `['steps', 1, 'else', 0]`. */
  path: Array<string | number>;
  /** 0 for top-level steps. */
  depth: number;
  /** Pre-order position in the YAML (workflow-engine §5.1). */
  topologicalIndex: number;
  /** The enclosing step (loop, `if`, or the owner of a fallback). */
  parent?: WorkflowStep;
  /** Which list of the parent holds the step. */
  branch: 'steps' | 'else' | 'fallback';
}

/** Nested lists of a step in YAML order: `steps`, `else`, then `on-failure.fallback`. */
export function childStepLists(step: WorkflowStep): Array<{ branch: WalkedStep['branch']; steps: WorkflowStep[]; path: Array<string | number> }> {
  const lists: Array<{ branch: WalkedStep['branch']; steps: WorkflowStep[]; path: Array<string | number> }> = [];
  if (Array.isArray(step.steps)) lists.push({ branch: 'steps', steps: step.steps as WorkflowStep[], path: ['steps'] });
  if (Array.isArray(step.else)) lists.push({ branch: 'else', steps: step.else as WorkflowStep[], path: ['else'] });
  const fallback = step['on-failure']?.fallback;
  if (Array.isArray(fallback)) lists.push({ branch: 'fallback', steps: fallback, path: ['on-failure', 'fallback'] });
  return lists;
}

/** Every step of the tree in pre-order, with its path, depth and topological index. */
export function* walkSteps(definition: Pick<WorkflowDefinition, 'steps'>): Generator<WalkedStep> {
  let index = 0;
  function* visit(steps: WorkflowStep[], basePath: Array<string | number>, depth: number, parent: WorkflowStep | undefined, branch: WalkedStep['branch']): Generator<WalkedStep> {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      const path = [...basePath, i];
      yield { step, path, depth, topologicalIndex: index++, parent, branch };
      for (const list of childStepLists(step)) yield* visit(list.steps, [...path, ...list.path], depth + 1, step, list.branch);
    }
  }
  yield* visit(definition.steps, ['steps'], 0, undefined, 'steps');
}

export function findStepByName(definition: Pick<WorkflowDefinition, 'steps'>, name: string): WalkedStep | undefined {
  for (const walked of walkSteps(definition)) if (walked.step.name === name) return walked;
  return undefined;
}
