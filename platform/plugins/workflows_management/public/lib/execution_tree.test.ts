import type { StepExecution } from '../../../workflows_execution_engine/server/contract';
import type { WorkflowDefinition } from '../../../../packages/workflows/definition';
import { buildExecutionTree, defaultSelectedStepExecution, flattenTree, structuralParents, type ExecutionTreeNode } from './execution_tree';

let index = 0;
function record(stepId: string, stepType: string, status: StepExecution['status'], scopeStack: StepExecution['scopeStack'] = [], extra: Partial<StepExecution> = {}): StepExecution {
  const i = index++;
  return {
    id: `${stepId}-${i}`,
    workflowRunId: 'run-1',
    workflowId: 'wf-1',
    stepId,
    stepType,
    status,
    isTestRun: false,
    scopeStack,
    topologicalIndex: 0,
    globalExecutionIndex: i,
    stepExecutionIndex: 0,
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    finishedAt: status === 'running' ? undefined : new Date(Date.UTC(2026, 0, 1, 0, 0, i + 1)).toISOString(),
    ...extra,
  };
}

/** A compact picture of the tree: `name[status]` with children in parentheses. */
function shape(nodes: readonly ExecutionTreeNode[]): string {
  return nodes
    .map((n) => {
      const label = n.kind === 'step' ? n.stepId : `${n.kind}${n.index}`;
      const branch = n.branch ? `:${n.branch}` : '';
      return `${label}${branch}[${n.status}]${n.children.length ? `(${shape(n.children)})` : ''}`;
    })
    .join(' ');
}

const definition: Pick<WorkflowDefinition, 'steps'> = {
  steps: [
    { name: 'first', type: 'console' },
    {
      name: 'loop',
      type: 'foreach',
      foreach: '{{ event.alerts | json }}',
      steps: [
        { name: 'check', type: 'if', condition: 'foreach.item.x: 1', steps: [{ name: 'yes', type: 'console' }], else: [{ name: 'no', type: 'console' }] },
      ],
    },
    { name: 'flaky', type: 'http', 'on-failure': { retry: { 'max-attempts': 2 }, fallback: [{ name: 'recover', type: 'console' }] } },
  ],
};

beforeEach(() => {
  index = 0;
});

describe('structuralParents', () => {
  it('maps nested, else and fallback steps to their enclosing step', () => {
    const parents = structuralParents(definition);
    expect(parents.get('check')).toEqual({ parent: 'loop', branch: undefined });
    expect(parents.get('yes')).toEqual({ parent: 'check', branch: 'then' });
    expect(parents.get('no')).toEqual({ parent: 'check', branch: 'else' });
    expect(parents.get('recover')).toEqual({ parent: 'flaky', branch: undefined });
    expect(parents.has('first')).toBe(false);
  });
});

describe('buildExecutionTree', () => {
  it('nests loop iterations, the taken if branch per iteration, retry attempts and the fallback', () => {
    const loopFrame = (i: number) => ({ stepId: 'loop', kind: 'foreach' as const, scopeId: String(i) });
    const attempt = (n: number) => ({ stepId: 'flaky', kind: 'retry' as const, scopeId: `${n}-attempt` });
    const records = [
      record('first', 'console', 'completed'),
      record('loop', 'foreach', 'completed'),
      record('check', 'if', 'completed', [loopFrame(0)]),
      record('yes', 'console', 'completed', [loopFrame(0)]),
      record('check', 'if', 'completed', [loopFrame(1)]),
      record('no', 'console', 'failed', [loopFrame(1)]),
      record('flaky', 'http', 'failed', [attempt(1)]),
      record('flaky', 'http', 'failed', [attempt(2)]),
      record('recover', 'console', 'completed', [{ stepId: 'flaky', kind: 'fallback', scopeId: '0' }]),
    ];
    const tree = buildExecutionTree(records, definition);
    expect(shape(tree)).toBe(
      'first[completed] ' +
        'loop[completed](iteration0[completed](check[completed](yes:then[completed])) iteration1[failed](check[completed](no:else[failed]))) ' +
        'flaky[failed](attempt1[failed] attempt2[failed] fallback0[completed](recover[completed]))',
    );
    const flaky = tree[2];
    // The step node shows the latest attempt's record; each attempt keeps its own.
    expect(flaky.stepExecution?.id).toBe('flaky-7');
    expect(flaky.children[0].stepExecution?.id).toBe('flaky-6');
    expect(tree[0].durationMs).toBe(1000);
  });

  it('orders by globalExecutionIndex and marks a scope running while a child runs', () => {
    const frame = { stepId: 'loop', kind: 'foreach' as const, scopeId: '0' };
    const loop = record('loop', 'foreach', 'running');
    const inner = record('check', 'if', 'running', [frame]);
    const tree = buildExecutionTree([inner, loop], definition);
    expect(shape(tree)).toBe('loop[running](iteration0[running](check[running]))');
  });

  it('keeps steps whose definition is unknown at the top level and greys nothing by itself', () => {
    const tree = buildExecutionTree([record('a', 'console', 'completed'), record('b', 'console', 'skipped')], null);
    expect(shape(tree)).toBe('a[completed] b[skipped]');
  });

  it('creates a placeholder for a loop whose own record is not there yet', () => {
    const tree = buildExecutionTree([record('check', 'if', 'completed', [{ stepId: 'loop', kind: 'foreach', scopeId: '3' }])], definition);
    expect(shape(tree)).toBe('loop[pending](iteration3[completed](check[completed]))');
  });
});

describe('flattenTree and defaultSelectedStepExecution', () => {
  it('follows the running step, else the last failure, else the latest', () => {
    const a = record('a', 'console', 'completed');
    const b = record('b', 'console', 'failed');
    const c = record('c', 'console', 'running');
    const d = record('d', 'console', 'completed');
    expect(defaultSelectedStepExecution([a, b, c, d])?.id).toBe(c.id);
    expect(defaultSelectedStepExecution([a, b, d])?.id).toBe(b.id);
    expect(defaultSelectedStepExecution([a, d])?.id).toBe(d.id);
    expect(defaultSelectedStepExecution([])).toBeUndefined();
    expect(flattenTree(buildExecutionTree([a, d])).map((n) => n.stepId)).toEqual(['a', 'd']);
  });
});
