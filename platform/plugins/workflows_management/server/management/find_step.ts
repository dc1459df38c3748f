import type { WorkflowDefinition, WorkflowStep } from '../../../../packages/workflows/definition';

/** A step by name anywhere in the tree: `steps`, `if` branches, loop bodies and `on-failure` fallbacks. */
export function findStep(definition: Pick<WorkflowDefinition, 'steps'>, name: string): WorkflowStep | undefined {
  const visit = (steps: readonly WorkflowStep[] | undefined): WorkflowStep | undefined => {
    for (const step of steps ?? []) {
      if (step.name === name) return step;
      const nested = [step.steps, step.else, step['on-failure']?.fallback].filter(Array.isArray) as WorkflowStep[][];
      for (const list of nested) {
        const found = visit(list);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(definition.steps);
}
