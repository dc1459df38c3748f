import type { WorkflowStep } from './definition';
import { findStepByName, walkSteps } from './walk_steps';

const steps: WorkflowStep[] = [
  { name: 'a', type: 'console' },
  {
    name: 'loop',
    type: 'foreach',
    foreach: '{{ x }}',
    steps: [
      {
        name: 'cond',
        type: 'if',
        condition: 'a: 1',
        steps: [{ name: 'then1', type: 'console' }],
        else: [{ name: 'else1', type: 'console' }],
      },
    ],
  },
  { name: 'risky', type: 'http', 'on-failure': { fallback: [{ name: 'fb', type: 'console' }] } },
];

describe('walkSteps', () => {
  it('yields every step in pre-order with path, depth, parent and topological index', () => {
    const walked = [...walkSteps({ steps })].map((w) => ({ name: w.step.name, path: w.path.join('.'), depth: w.depth, index: w.topologicalIndex, parent: w.parent?.name, branch: w.branch }));
    expect(walked).toEqual([
      { name: 'a', path: 'steps.0', depth: 0, index: 0, parent: undefined, branch: 'steps' },
      { name: 'loop', path: 'steps.1', depth: 0, index: 1, parent: undefined, branch: 'steps' },
      { name: 'cond', path: 'steps.1.steps.0', depth: 1, index: 2, parent: 'loop', branch: 'steps' },
      { name: 'then1', path: 'steps.1.steps.0.steps.0', depth: 2, index: 3, parent: 'cond', branch: 'steps' },
      { name: 'else1', path: 'steps.1.steps.0.else.0', depth: 2, index: 4, parent: 'cond', branch: 'else' },
      { name: 'risky', path: 'steps.2', depth: 0, index: 5, parent: undefined, branch: 'steps' },
      { name: 'fb', path: 'steps.2.on-failure.fallback.0', depth: 1, index: 6, parent: 'risky', branch: 'fallback' },
    ]);
  });

  it('finds steps by name anywhere in the tree', () => {
    expect(findStepByName({ steps }, 'else1')?.path).toEqual(['steps', 1, 'steps', 0, 'else', 0]);
    expect(findStepByName({ steps }, 'fb')?.topologicalIndex).toBe(6);
    expect(findStepByName({ steps }, 'missing')).toBeUndefined();
  });
});
