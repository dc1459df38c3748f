import type { StepExecution } from '../contract';
import { createTestEngine, type TestEngine } from '../test_support/engine_harness';

const byStep = (steps: StepExecution[], stepId: string) => steps.filter((s) => s.stepId === stepId);
const outputOf = (steps: StepExecution[], stepId: string) => byStep(steps, stepId).map((s) => s.output);

describe('workflow runner: if, foreach, context', () => {
  let engine: TestEngine;
  beforeEach(async () => {
    engine = await createTestEngine();
  });
  afterEach(async () => {
    await engine.stop();
  });

  it('takes the if branch for KQL and the else branch otherwise; the branch not taken has no records', async () => {
    const yamlText = `
name: t
steps:
  - name: check
    type: if
    condition: "inputs.severity >= 50 and inputs.kind: alert"
    steps:
      - name: high
        type: console
        with: { message: "high {{ inputs.severity }}" }
    else:
      - name: low
        type: console
        with: { message: "low" }
`;
    const high = await engine.run(yamlText, { inputs: { severity: 70, kind: 'alert' } });
    expect(high.status).toBe('completed');
    expect(high.stepExecutions.map((s) => s.stepId)).toEqual(['check', 'high']);
    expect(byStep(high.stepExecutions, 'check')[0].input).toEqual({ condition: 'inputs.severity >= 50 and inputs.kind: alert', conditionResult: true });
    expect(outputOf(high.stepExecutions, 'high')).toEqual(['high 70']);
    const low = await engine.run(yamlText, { inputs: { severity: 10, kind: 'alert' } });
    expect(low.stepExecutions.map((s) => s.stepId)).toEqual(['check', 'low']);
  });

  it('renders typed ${{ }} conditions, treats empty as false and rejects bad types and KQL syntax', async () => {
    const run = (condition: string) =>
      engine.run(`
name: t
steps:
  - name: c
    type: if
    condition: ${JSON.stringify(condition)}
    steps:
      - { name: yes, type: console, with: { message: "y" } }
    else:
      - { name: no, type: console, with: { message: "n" } }
`, { inputs: { a: true, b: false, n: 3 } });
    expect((await run('${{ inputs.a and inputs.b == false }}')).stepExecutions.map((s) => s.stepId)).toEqual(['c', 'yes']);
    expect((await run('{{ inputs.missing }}')).stepExecutions.map((s) => s.stepId)).toEqual(['c', 'no']);
    const badType = await run('${{ inputs.n }}');
    expect(badType.status).toBe('failed');
    expect(badType.error?.message).toBe('Invalid condition type for step c: expected boolean or string');
    const badKql = await run('f:(a or b)');
    expect(badKql.status).toBe('failed');
    expect(badKql.error?.message).toMatch(/^Syntax error in condition "f:\(a or b\)" for step c: /);
  });

  it('writes one skipped record for a false step-level if, and later steps cannot see it', async () => {
    const detail = await engine.run(`
name: t
steps:
  - name: maybe
    type: console
    if: "inputs.go: true"
    with: { message: "ran" }
  - name: after
    type: test.echo
    with: { seen: "\${{ steps.maybe }}" }
`, { inputs: { go: false } });
    expect(detail.status).toBe('completed');
    const maybe = byStep(detail.stepExecutions, 'maybe');
    expect(maybe).toHaveLength(1);
    expect(maybe[0].status).toBe('skipped');
    expect(maybe[0].input).toEqual({ condition: 'inputs.go: true', conditionResult: false });
    expect(outputOf(detail.stepExecutions, 'after')).toEqual([{ input: {}, config: { 'agent-id': 'elastic-ai-agent' } }]);
  });

  it('iterates foreach with foreach.* and steps.<loop>.*, nested loops see the innermost, one record per iteration', async () => {
    const detail = await engine.run(`
name: t
steps:
  - name: outer
    type: foreach
    foreach: '\${{ inputs.groups }}'
    steps:
      - name: inner
        type: foreach
        foreach: "{{ foreach.item.members | json }}"
        steps:
          - name: show
            type: console
            with: { message: "{{ steps.outer.index }}/{{ steps.outer.item.name }}:{{ foreach.index }}={{ foreach.item }} of {{ foreach.total }}" }
`, { inputs: { groups: [{ name: 'a', members: ['x', 'y'] }, { name: 'b', members: ['z'] }] } });
    expect(detail.status).toBe('completed');
    expect(outputOf(detail.stepExecutions, 'show')).toEqual(['0/a:0=x of 2', '0/a:1=y of 2', '1/b:0=z of 1']);
    const shows = byStep(detail.stepExecutions, 'show');
    expect(shows.map((s) => s.scopeStack.map((f) => `${f.stepId}:${f.scopeId}`).join('/'))).toEqual(['outer:0/inner:0', 'outer:0/inner:1', 'outer:1/inner:0']);
    expect(new Set(shows.map((s) => s.id)).size).toBe(3);
    expect(shows.map((s) => s.stepExecutionIndex)).toEqual([0, 1, 2]);
    expect(byStep(detail.stepExecutions, 'inner').map((s) => s.stepExecutionIndex)).toEqual([0, 1]);
    const outer = byStep(detail.stepExecutions, 'outer')[0];
    expect(outer.state).toMatchObject({ index: 1, total: 2 });
  });

  it('parses a JSON string, uses a YAML list as is, resolves a bare path, and reports non-arrays and bad JSON', async () => {
    const run = (foreach: unknown) =>
      engine.run(`
name: t
steps:
  - name: loop
    type: foreach
    foreach: ${JSON.stringify(foreach)}
    steps:
      - { name: item, type: console, with: { message: "{{ foreach.item }}" } }
`, { inputs: { list: [1, 2], text: 'not json', obj: { a: 1 } } });
    expect(outputOf((await run('{{ inputs.list | json }}')).stepExecutions, 'item')).toEqual(['1', '2']);
    expect(outputOf((await run(['p', 'q'])).stepExecutions, 'item')).toEqual(['p', 'q']);
    expect(outputOf((await run('inputs.list')).stepExecutions, 'item')).toEqual(['1', '2']);
    const empty = await run('[]');
    expect(empty.status).toBe('completed');
    expect(byStep(empty.stepExecutions, 'item')).toHaveLength(0);
    const notArray = await run('{{ inputs.obj | json }}');
    expect(notArray.error?.message).toBe('Foreach expression must evaluate to an array. Expression "{{ inputs.obj | json }}" resolved to object.');
    const badJson = await run('{{ inputs.text }}');
    expect(badJson.error?.message).toBe('Unable to parse rendered value: not json');
  });

  it('max-iterations: default continue stops quietly, on-limit fail fails with the exact message', async () => {
    const run = (max: string) =>
      engine.run(`
name: t
steps:
  - name: loop
    type: foreach
    foreach: '\${{ inputs.items }}'
    max-iterations: ${max}
    steps:
      - { name: item, type: console, with: { message: "{{ foreach.item }}" } }
`, { inputs: { items: [1, 2, 3, 4, 5] } });
    const cont = await run('2');
    expect(cont.status).toBe('completed');
    expect(outputOf(cont.stepExecutions, 'item')).toEqual(['1', '2']);
    const fail = await run('{ limit: 3, on-limit: fail }');
    expect(fail.status).toBe('failed');
    expect(fail.error?.message).toBe('Foreach step "loop" exceeded max-iterations limit of 3. Processed 3 of 5 items.');
    expect(outputOf(fail.stepExecutions, 'item')).toEqual(['1', '2', '3']);
  });

  it('step-level foreach gets a foreach_<name> loop record and per-iteration records', async () => {
    const detail = await engine.run(`
name: t
steps:
  - name: each
    type: console
    foreach: '["a","b"]'
    with: { message: "{{ foreach.item }}{{ foreach.index }}" }
`);
    expect(detail.stepExecutions.map((s) => [s.stepId, s.stepType, s.status])).toEqual([
      ['foreach_each', 'foreach', 'completed'],
      ['each', 'console', 'completed'],
      ['each', 'console', 'completed'],
    ]);
    expect(outputOf(detail.stepExecutions, 'each')).toEqual(['a0', 'b1']);
    expect(byStep(detail.stepExecutions, 'each')[1].scopeStack).toEqual([{ stepId: 'foreach_each', kind: 'foreach', scopeId: '1' }]);
  });

  it('variables merge data.set outputs in start order across iterations; data.set values cannot see each other', async () => {
    const detail = await engine.run(`
name: t
steps:
  - name: init
    type: data.set
    with: { count: 0, list: [], a: 1, b: "{{ variables.a }}" }
  - name: loop
    type: foreach
    foreach: '[1,2,3]'
    steps:
      - name: acc
        type: data.set
        with:
          count: '\${{ variables.count | plus: foreach.item }}'
          list: '\${{ variables.list | push: foreach.item }}'
  - name: final
    type: console
    with: { message: "{{ variables.count }} {{ variables.list | join: ',' }} [{{ variables.b }}]" }
`);
    expect(detail.status).toBe('completed');
    expect(outputOf(detail.stepExecutions, 'final')).toEqual(['6 1,2,3 []']);
  });

  it('exposes only preceding steps: not later ones, not the other if branch; enclosing and nested-in-earlier steps are visible', async () => {
    const detail = await engine.run(`
name: t
steps:
  - name: first
    type: data.set
    with: { v: 1 }
  - name: branch
    type: if
    condition: true
    steps:
      - name: inBranch
        type: test.echo
        with: { x: 1 }
    else:
      - name: otherBranch
        type: console
        with: { message: "never" }
  - name: loop
    type: foreach
    foreach: '[1,2]'
    steps:
      - name: body1
        type: test.echo
        with: { x: 2 }
      - name: body2
        type: console
        with: { message: "b2" }
  - name: last
    type: test.echo
    with: { x: 3 }
`);
    expect(detail.status).toBe('completed');
    const seen = (stepId: string) => engine.state.contexts.filter((c) => c.stepId === stepId).map((c) => Object.keys((c.context as { steps: object }).steps).sort());
    expect(seen('inBranch')).toEqual([['branch', 'first']]);
    // body2 ran in iteration 0, but it comes later in the list: invisible to body1 in iteration 1.
    expect(seen('body1')).toEqual([
      ['branch', 'first', 'inBranch', 'loop'],
      ['branch', 'first', 'inBranch', 'loop'],
    ]);
    expect(seen('last')).toEqual([['body1', 'body2', 'branch', 'first', 'inBranch', 'loop']]);
  });

  it('builds the context of §3.4 as plain JSON', async () => {
    const detail = await engine.run(`
name: t
consts: { level: 3 }
steps:
  - name: e
    type: test.echo
    with: { level: "\${{ consts.level }}", who: "{{ execution.executedBy }}" }
`, { inputs: { q: 'x', event: { alerts: [{ _id: 'a1' }] } }, spaceId: 'blue', triggeredBy: 'alert', workflowId: 'wf-ctx' });
    const context = engine.state.contexts[0].context as Record<string, unknown>;
    expect(context.inputs).toEqual({ q: 'x' });
    expect(context.event).toEqual({ alerts: [{ _id: 'a1' }] });
    expect(context.consts).toEqual({ level: 3 });
    expect(context.workflow).toEqual({ id: 'wf-ctx', name: 'Test workflow', enabled: true, spaceId: 'blue' });
    expect(context.execution).toMatchObject({
      id: detail.id,
      isTestRun: false,
      executedBy: 'alice',
      triggeredBy: 'alert',
      url: `http://localhost:5601/s/blue/app/workflows/wf-ctx?tab=executions&executionId=${detail.id}`,
    });
    expect(typeof context.now).toBe('string');
    expect(context.kibanaUrl).toBe('http://localhost:5601');
    expect(outputOf(detail.stepExecutions, 'e')).toEqual([{ input: { level: 3, who: 'alice' }, config: { 'agent-id': 'elastic-ai-agent' } }]);
  });

  it('validates input with the step schema (handler not called) and renders config keys', async () => {
    const bad = await engine.run(`
name: t
steps:
  - { name: f, type: test.flaky, with: { failures: "not a number" } }
`);
    expect(bad.status).toBe('failed');
    expect(bad.error?.type).toBe('InputValidationError');
    expect(engine.state.calls.f).toBeUndefined();
    const config = await engine.run(`
name: t
steps:
  - name: e
    type: test.echo
    agent-id: "{{ inputs.agent }}"
    with: {}
`, { inputs: { agent: 'my-agent' } });
    expect(outputOf(config.stepExecutions, 'e')).toEqual([{ input: {}, config: { 'agent-id': 'my-agent' } }]);
  });

  it('fails unknown step types with the spec message', async () => {
    const detail = await engine.run(`
name: t
steps:
  - { name: x, type: nope.step }
`);
    expect(detail.error).toEqual({ type: 'UnknownStepTypeError', message: 'Unknown step type "nope.step"' });
  });
});
