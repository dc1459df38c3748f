import type { ForeachStep, IfStep, MaxIterations, OnFailurePolicy, WorkflowDefinition, WorkflowStep } from '../../../../packages/workflows/definition';

/**
 * The definition compiled for the interpreter: each step knows its pre-order position, which earlier steps its
 * templates may see (§3.4 "preceding steps"), and its effective on-failure policy (§1.2 default applied).
 */
export interface CompiledStep {
  readonly name: string;
  readonly type: string;
  readonly step: WorkflowStep;
  /** Pre-order position in the YAML (steps, then else, then fallback). */
  readonly topologicalIndex: number;
  /** Names readable as `steps.<name>` from this step's templates. */
  readonly visible: ReadonlySet<string>;
  readonly onFailure?: OnFailurePolicy;
  readonly children?: readonly CompiledStep[];
  readonly elseChildren?: readonly CompiledStep[];
  readonly fallback?: readonly CompiledStep[];
}

export interface CompiledWorkflow {
  readonly steps: readonly CompiledStep[];
  readonly byName: ReadonlyMap<string, CompiledStep>;
  /** The ancestor chain of each step (outermost first), for step tests. */
  readonly parents: ReadonlyMap<string, readonly CompiledStep[]>;
}

export const isIfStep = (step: WorkflowStep): step is IfStep => step.type === 'if';
export const isForeachStep = (step: WorkflowStep): step is ForeachStep => step.type === 'foreach';

/** Steps that never take the workflow-level on-failure default (§1.2). */
const NO_DEFAULT_POLICY = new Set(['if', 'foreach', 'wait']);

function namesIn(steps: readonly WorkflowStep[] | undefined, into: string[]): string[] {
  for (const step of steps ?? []) {
    into.push(step.name);
    if (isIfStep(step)) {
      namesIn(step.steps, into);
      namesIn(step.else, into);
    } else if (isForeachStep(step)) {
      namesIn(step.steps, into);
    }
    namesIn(step['on-failure']?.fallback, into);
  }
  return into;
}

export function compileWorkflow(definition: WorkflowDefinition): CompiledWorkflow {
  const defaultPolicy = definition.settings?.['on-failure'];
  const byName = new Map<string, CompiledStep>();
  const parents = new Map<string, readonly CompiledStep[]>();
  let counter = 0;

  const compileList = (
    steps: readonly WorkflowStep[] | undefined,
    inherited: readonly string[],
    insideFallback: boolean,
    ancestors: readonly CompiledStep[],
  ): CompiledStep[] => {
    const out: CompiledStep[] = [];
    const earlier: string[] = [];
    for (const step of steps ?? []) {
      const visibleNames = [...inherited, ...earlier];
      const topologicalIndex = counter++;
      const own = step['on-failure'];
      const onFailure = own ?? (!insideFallback && !NO_DEFAULT_POLICY.has(step.type) ? defaultPolicy : undefined);
      // Built bottom-up: the children need this step in their ancestor chain, so fill a mutable shell.
      const compiled: { -readonly [K in keyof CompiledStep]: CompiledStep[K] } = {
        name: step.name,
        type: step.type,
        step,
        topologicalIndex,
        visible: new Set(visibleNames),
        onFailure,
      };
      const chain = [...ancestors, compiled];
      const enclosed = [...visibleNames, step.name];
      if (isIfStep(step)) {
        compiled.children = compileList(step.steps, enclosed, insideFallback, chain);
        if (step.else) compiled.elseChildren = compileList(step.else, enclosed, insideFallback, chain);
      } else if (isForeachStep(step)) {
        compiled.children = compileList(step.steps, enclosed, insideFallback, chain);
      }
      if (onFailure?.fallback && onFailure.fallback.length > 0) {
        compiled.fallback = compileList(onFailure.fallback, enclosed, true, chain);
      }
      byName.set(step.name, compiled);
      parents.set(step.name, ancestors);
      out.push(compiled);
      namesIn([step], earlier);
    }
    return out;
  };

  return { steps: compileList(definition.steps, [], false, []), byName, parents };
}

export interface ForeachLimit {
  limit: number;
  onLimit: 'continue' | 'fail';
}

/** `max-iterations` as an int or `{limit, on-limit}`; default 2000 with `continue` (§2.1). */
export function foreachLimitOf(value: number | MaxIterations | undefined): ForeachLimit {
  if (value === undefined) return { limit: 2000, onLimit: 'continue' };
  if (typeof value === 'number') return { limit: value, onLimit: 'continue' };
  return { limit: value.limit, onLimit: value['on-limit'] ?? 'continue' };
}
