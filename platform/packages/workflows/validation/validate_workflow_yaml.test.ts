import { z } from 'zod/v4';
import type { WorkflowDiagnostic } from '../definition';
import { TEST_STEP_DEFINITIONS } from './test_step_definitions';
import { MAX_WORKFLOW_YAML_BYTES } from './yaml_document';
import { validateWorkflowYaml } from './validate_workflow_yaml';

const validate = (yaml: string, knownConnectors?: string[]) => validateWorkflowYaml(yaml, { stepDefinitions: TEST_STEP_DEFINITIONS, knownConnectors });
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;
const brief = (d: WorkflowDiagnostic) => ({ code: d.code, severity: d.severity, at: `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`, path: d.path.join('.') });
const only = (yaml: string, code: WorkflowDiagnostic['code']) => validate(yaml).diagnostics.filter((d) => d.code === code);

const HEADER = ['name: demo', 'triggers:', '  - type: manual', 'steps:'];

describe('validateWorkflowYaml', () => {
  it('accepts a valid workflow and normalises it', () => {
    const result = validate(
      lines(
        'name: Demo',
        'description: d',
        'tags: [a, b]',
        'settings:',
        '  timeout: 5m',
        '  max-step-size: 10mb',
        '  concurrency: {strategy: queue, max: 7, maxQueueSize: 100, key: "{{ inputs.a }}"}',
        '  on-failure:',
        '    retry: {max-attempts: 1, delay: 1s}',
        'inputs:',
        '  - {name: a, type: string, default: x}',
        'triggers:',
        '  - type: manual',
        '  - type: alert',
        '    with: {rule_id: r1}',
        'consts: {threshold: 0.8, flag: false, label: hi}',
        'steps:',
        '  - name: loop',
        '    type: foreach',
        '    foreach: "{{ inputs.list | json }}"',
        '    max-iterations: {limit: 10, on-limit: fail}',
        '    steps:',
        '      - name: check',
        '        type: if',
        '        condition: "foreach.item.score >= {{ consts.threshold }} and not foreach.item.closed:*"',
        '        steps:',
        '          - {name: say, type: console, with: {message: "{{ foreach.item.id }}"}}',
        '        else:',
        '          - {name: pause, type: wait, with: {duration: 1h30m}}',
        '  - name: agent',
        '    type: ai.agent',
        '    agent-id: elastic-ai-agent',
        '    connector-id: "{{ inputs.connector }}"',
        '    create-conversation: "{{ inputs.create }}"',
        '    if: ${{ inputs.a == "x" }}',
        '    timeout: 30s',
        '    on-failure:',
        '      retry: {max-attempts: 3, delay: 5s, strategy: exponential, condition: "error.type: TimeoutError"}',
        '      fallback:',
        '        - {name: fb, type: console, with: {message: "{{ error.message }}"}}',
        '      continue: true',
        '    with:',
        '      message: hi',
        '  - name: narrate',
        '    type: security.renderAlertNarrative',
        '    with:',
        '      alert: "${{ event.alerts[0] }}"',
        '      maxChars: "{{ consts.max }}"',
        '  - name: call',
        '    type: kibana.request',
        '    with: {path: "/s/{{ workflow.spaceId }}/api/note"}',
      ),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.name).toBe('Demo');
    expect(result.description).toBe('d');
    expect(result.tags).toEqual(['a', 'b']);
    expect(result.triggerTypes).toEqual(['manual', 'alert']);
    expect(result.definition).toMatchObject({
      version: '1',
      enabled: true,
      inputs: [{ name: 'a', type: 'string', default: 'x' }],
      settings: { concurrency: { strategy: 'queue', max: 7, 'queue-size': 100 } },
    });
    expect(result.definition?.settings?.concurrency).not.toHaveProperty('maxQueueSize');
  });

  it('reports YAML syntax errors and duplicate keys at their position', () => {
    const result = validate(lines('name: a', 'name: b', 'triggers: [{type: manual}]', 'steps: [{name: s, type: console, with: {message: x}}]'));
    expect(result.diagnostics.map(brief)).toEqual([{ code: 'yaml-syntax', severity: 'error', at: '2:1-2:5', path: '' }]);
    expect(result.diagnostics[0].message).toBe('Map keys must be unique.');
    expect(result.valid).toBe(false);
    const broken = validate('name: [unclosed\n');
    expect(broken.diagnostics.filter((d) => d.code === 'yaml-syntax').length).toBeGreaterThan(0);
    expect(broken.valid).toBe(false);
    expect(broken.name).toBe('Untitled workflow');
  });

  it('rejects custom tags', () => {
    const result = validate(lines(...HEADER, '  - name: s', '    type: console', '    with: {message: !secret value}'));
    expect(result.diagnostics.map(brief)).toContainEqual({ code: 'yaml-syntax', severity: 'error', at: '7:29-7:34', path: '' });
    expect(result.diagnostics.find((d) => d.code === 'yaml-syntax')?.message).toBe('Custom YAML tags are not supported: !secret');
  });

  it('allows anchors and standard tags', () => {
    const result = validate(lines(...HEADER, '  - name: a', '    type: console', '    with: &w {message: !!str hi}', '  - name: b', '    type: console', '    with: *w'));
    expect(result.diagnostics).toEqual([]);
  });

  it('rejects YAML over 1 MiB', () => {
    const result = validate(`name: big\n# ${'x'.repeat(MAX_WORKFLOW_YAML_BYTES)}\n`);
    expect(result.valid).toBe(false);
    expect(result.diagnostics[0].code).toBe('yaml-too-large');
  });

  it('maps schema issues to the offending node and missing keys to their parent', () => {
    const yaml = lines('name: demo', 'enabled: maybe', 'triggers:', '  - type: weekly', 'steps:', '  - name: s', '    with: {message: x}');
    const result = validate(yaml);
    expect(result.diagnostics.map(brief)).toEqual([
      { code: 'schema', severity: 'error', at: '2:10-2:15', path: 'enabled' },
      { code: 'schema', severity: 'error', at: '4:11-4:17', path: 'triggers.0.type' },
      { code: 'schema', severity: 'error', at: '6:5-8:1', path: 'steps.0.type' },
    ]);
    expect(result.diagnostics[1].message).toBe('Unsupported trigger type; use manual, alert or scheduled.');
    expect(result.diagnostics[2].message).toBe('Missing required key "type".');
    expect(result.name).toBe('demo');
    expect(result.triggerTypes).toEqual(['weekly']);
    expect(result.definition).toBeNull();
  });

  it('reports a missing top-level key at the document', () => {
    const result = validate(lines('name: x', 'triggers: [{type: manual}]'));
    expect(result.diagnostics.map(brief)).toEqual([{ code: 'schema', severity: 'error', at: '1:1-3:1', path: 'steps' }]);
    expect(result.diagnostics[0].message).toBe('Missing required key "steps".');
  });

  it('requires the flow-control fields and non-empty lists', () => {
    const result = validate(lines(...HEADER, '  - name: cond', '    type: if', '    steps: []'));
    const messages = result.diagnostics.map((d) => d.message);
    expect(messages).toContain('At least one step is required.');
    const result2 = validate(lines(...HEADER, '  - name: cond', '    type: if', '    steps: [{name: s, type: console, with: {message: m}}]'));
    expect(result2.diagnostics.map((d) => d.message)).toEqual(['An "if" step requires "condition".']);
    const result3 = validate(lines(...HEADER, '  - name: loop', '    type: foreach', '    steps: [{name: s, type: console, with: {message: m}}]'));
    expect(result3.diagnostics.map((d) => d.message)).toEqual(['A "foreach" step requires "foreach".']);
  });

  it('reports duplicate step names across the whole tree, on each repeat', () => {
    const yaml = lines(
      ...HEADER,
      '  - name: a',
      '    type: if',
      '    condition: "x: 1"',
      '    steps: [{name: b, type: console, with: {message: m}}]',
      '    else: [{name: a, type: console, with: {message: m}}]',
      '  - name: c',
      '    type: console',
      '    with: {message: m}',
      '    on-failure:',
      '      fallback: [{name: b, type: console, with: {message: m}}]',
    );
    const diagnostics = only(yaml, 'duplicate-step-name');
    expect(diagnostics.map(brief)).toEqual([
      { code: 'duplicate-step-name', severity: 'error', at: '9:19-9:20', path: 'steps.0.else.0.name' },
      { code: 'duplicate-step-name', severity: 'error', at: '14:25-14:26', path: 'steps.1.on-failure.fallback.0.name' },
    ]);
    expect(diagnostics[0].message).toBe('Step names must be unique throughout the workflow.');
  });

  it('reports unknown step types at the type value', () => {
    const diagnostics = only(lines(...HEADER, '  - name: a', '    type: elasticsearch.delete_index'), 'unknown-step-type');
    expect(diagnostics.map(brief)).toEqual([{ code: 'unknown-step-type', severity: 'error', at: '6:11-6:37', path: 'steps.0.type' }]);
    expect(diagnostics[0].message).toBe('Unknown step type "elasticsearch.delete_index".');
  });

  it('checks extension with-blocks and config keys, tolerating templates', () => {
    const yaml = lines(
      ...HEADER,
      '  - name: n',
      '    type: security.renderAlertNarrative',
      '    with:',
      '      alert: not-an-object',
      '      maxChars: -3',
      '      mode: "{{ inputs.mode }}"',
      '  - name: agent',
      '    type: ai.agent',
      '    create-conversation: sometimes',
      '    agent-id: "{{ inputs.agent }}"',
      '    with: {}',
    );
    const result = validate(yaml);
    expect(result.diagnostics.filter((d) => d.code === 'schema').map(brief)).toEqual([
      { code: 'schema', severity: 'error', at: '8:14-8:27', path: 'steps.0.with.alert' },
      { code: 'schema', severity: 'error', at: '9:17-9:19', path: 'steps.0.with.maxChars' },
      { code: 'schema', severity: 'error', at: '13:26-13:35', path: 'steps.1.create-conversation' },
      { code: 'schema', severity: 'error', at: '15:11-15:13', path: 'steps.1.with.message' },
    ]);
    expect(result.diagnostics.find((d) => d.path.join('.') === 'steps.1.with.message')?.message).toBe('Missing required key "message".');
  });

  it('accepts a whole templated with-block and templated containers', () => {
    const yaml = lines(...HEADER, '  - name: n', '    type: security.renderAlertNarrative', '    with:', '      alert: "{{ event.alerts[0] | json }}"');
    expect(validate(yaml).diagnostics).toEqual([]);
  });

  it('warns about unknown keys at the key', () => {
    const yaml = lines(
      'name: demo',
      'owner: me',
      'settings:',
      '  retries: 3',
      'triggers:',
      '  - type: manual',
      'steps:',
      '  - name: s',
      '    type: console',
      '    colour: red',
      '    with: {message: m, extra: 1}',
    );
    const result = validate(yaml);
    expect(result.valid).toBe(true);
    expect(result.diagnostics.map(brief)).toEqual([
      { code: 'unknown-key', severity: 'warning', at: '2:1-2:6', path: 'owner' },
      { code: 'unknown-key', severity: 'warning', at: '4:3-4:10', path: 'settings.retries' },
      { code: 'unknown-key', severity: 'warning', at: '10:5-10:11', path: 'steps.0.colour' },
      { code: 'unknown-key', severity: 'warning', at: '11:24-11:29', path: 'steps.0.with.extra' },
    ]);
  });

  it('reports Liquid syntax errors and banned tags in rendered fields only', () => {
    const yaml = lines(
      ...HEADER,
      '  - name: s',
      '    type: console',
      '    with:',
      '      message: "{{ x | nope }}"',
      '  - name: t',
      '    type: console',
      '    with:',
      '      message: "{% include \'x\' %}"',
      '  - name: u',
      '    type: data.set',
      '    with:',
      '      "{{ key | nope }}": "{% if a %}open"',
    );
    const diagnostics = only(yaml, 'liquid-syntax');
    expect(diagnostics.map(brief)).toEqual([
      { code: 'liquid-syntax', severity: 'error', at: '8:16-8:32', path: 'steps.0.with.message' },
      { code: 'liquid-syntax', severity: 'error', at: '12:16-12:35', path: 'steps.1.with.message' },
      { code: 'liquid-syntax', severity: 'error', at: '16:27-16:43', path: 'steps.2.with.{{ key | nope }}' },
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual(['undefined filter: nope', 'Template contains unsupported tags.', 'tag {% if a %} not closed']);
  });

  it('checks KQL in conditions, retry conditions and continue strings', () => {
    const yaml = lines(
      ...HEADER,
      '  - name: a',
      '    type: if',
      '    condition: "status:(open or closed)"',
      '    steps: [{name: b, type: console, with: {message: m}, if: "x >= "}]',
      '  - name: c',
      '    type: console',
      '    with: {message: m}',
      '    on-failure:',
      '      retry: {max-attempts: 2, condition: "error.type:"}',
      '      continue: "error.type: {x}"',
      '  - name: d',
      '    type: console',
      '    with: {message: m}',
      '    if: "{{ steps.c.output }}: {{ inputs.x }}"',
    );
    const diagnostics = only(yaml, 'kql-syntax');
    expect(diagnostics.map(brief)).toEqual([
      { code: 'kql-syntax', severity: 'error', at: '7:16-7:41', path: 'steps.0.condition' },
      { code: 'kql-syntax', severity: 'error', at: '8:62-8:69', path: 'steps.0.steps.0.if' },
      { code: 'kql-syntax', severity: 'error', at: '13:43-13:56', path: 'steps.1.on-failure.retry.condition' },
      { code: 'kql-syntax', severity: 'error', at: '14:17-14:34', path: 'steps.1.on-failure.continue' },
    ]);
    expect(diagnostics[0].message).toMatch(/^Invalid KQL condition: Grouped values/);
  });

  it('checks templated conditions after a dry substitution', () => {
    const bad = only(lines(...HEADER, '  - name: d', '    type: console', '    with: {message: m}', '    if: "a: {{ x }} and or"'), 'kql-syntax');
    expect(bad).toHaveLength(1);
    expect(bad[0].message).toMatch(/^Invalid KQL condition \(after template substitution\)/);
    const ok = validate(lines(...HEADER, '  - name: d', '    type: console', '    with: {message: m}', '    if: "{% if x %}a: 1{% endif %}"'));
    expect(ok.diagnostics).toEqual([]);
  });

  it('warns about free-text conditions', () => {
    const yaml = lines(...HEADER, '  - name: d', '    type: console', '    with: {message: m}', '    if: "{{ inputs.flag }}"', '  - name: e', '    type: console', '    with: {message: m}', '    if: "true"');
    const diagnostics = validate(yaml).diagnostics;
    expect(diagnostics.map(brief)).toEqual([
      { code: 'condition-free-text', severity: 'warning', at: '8:9-8:28', path: 'steps.0.if' },
      { code: 'condition-free-text', severity: 'warning', at: '12:9-12:15', path: 'steps.1.if' },
    ]);
  });

  it('checks duration and size literals', () => {
    const yaml = lines(
      'name: d',
      'settings: {timeout: 5 minutes, max-step-size: 10MB, concurrency: {queue-ttl: 1h30m}}',
      'triggers:',
      '  - type: scheduled',
      '    with: {every: 30s}',
      'steps:',
      '  - name: w',
      '    type: wait',
      '    with: {duration: 1x}',
      '    timeout: "{{ inputs.timeout }}"',
      '    max-step-size: 1kb',
      '    on-failure: {retry: {max-attempts: 1, delay: soon, max-delay: 1m}}',
      '  - name: w2',
      '    type: wait',
      '    with: {duration: 1h30m}',
    );
    const result = validate(yaml);
    expect(result.diagnostics.map(brief)).toEqual([
      { code: 'invalid-duration', severity: 'error', at: '2:21-2:30', path: 'settings.timeout' },
      { code: 'invalid-size', severity: 'error', at: '2:47-2:51', path: 'settings.max-step-size' },
      { code: 'invalid-duration', severity: 'error', at: '2:78-2:83', path: 'settings.concurrency.queue-ttl' },
      { code: 'invalid-duration', severity: 'error', at: '5:19-5:22', path: 'triggers.0.with.every' },
      { code: 'invalid-duration', severity: 'error', at: '9:22-9:24', path: 'steps.0.with.duration' },
      { code: 'invalid-duration', severity: 'error', at: '12:50-12:54', path: 'steps.0.on-failure.retry.delay' },
    ]);
    expect(result.diagnostics[4].message).toBe('Invalid duration format: 1x');
  });

  it('rejects unsupported schedules', () => {
    const result = validate(lines('name: d', 'triggers:', '  - type: scheduled', '    with: {rrule: {freq: DAILY}}', 'steps: [{name: s, type: console, with: {message: m}}]'));
    expect(result.diagnostics.map((d) => d.message)).toEqual(['Scheduled triggers with "rrule" are not supported by this host.']);
  });

  it('warns about space-unaware kibana.request paths and unknown connectors', () => {
    const yaml = lines(
      ...HEADER,
      '  - name: k1',
      '    type: kibana.request',
      '    with: {method: PATCH, path: /api/note}',
      '  - name: k2',
      '    type: kibana.request',
      '    with: {path: "{{ variables.prefix }}/api/note"}',
      '  - name: agent',
      '    type: ai.agent',
      '    connector-id: gpt41Azure',
      '    with: {message: m}',
      '  - name: agent2',
      '    type: ai.agent',
      '    connector-id: my-openai',
      '    with: {message: m}',
    );
    const result = validate(yaml, ['my-openai', 'Local Llama']);
    expect(result.valid).toBe(true);
    expect(result.diagnostics.map(brief)).toEqual([
      { code: 'space-unaware-path', severity: 'warning', at: '7:33-7:42', path: 'steps.0.with.path' },
      { code: 'unknown-connector', severity: 'warning', at: '13:19-13:29', path: 'steps.2.connector-id' },
    ]);
    expect(validate(yaml).diagnostics.filter((d) => d.code === 'unknown-connector')).toEqual([]);
  });

  it('lets the manual trigger inputs win over top-level inputs, with a warning', () => {
    const yaml = lines(
      'name: d',
      'inputs:',
      '  - {name: top, type: string}',
      'triggers:',
      '  - type: manual',
      '    inputs:',
      '      properties: {fromTrigger: {type: string}}',
      'steps: [{name: s, type: console, with: {message: m}}]',
    );
    const result = validate(yaml);
    expect(result.valid).toBe(true);
    expect(result.diagnostics.map(brief)).toEqual([{ code: 'unknown-key', severity: 'warning', at: '2:1-2:7', path: 'inputs' }]);
    expect(result.definition?.inputs).toEqual({ properties: { fromTrigger: { type: 'string' } } });
  });

  it('validates input fields and the JSON-Schema form', () => {
    const result = validate(lines('name: d', 'inputs:', '  - {name: a, type: text}', 'triggers: [{type: manual}]', 'steps: [{name: s, type: console, with: {message: m}}]'));
    expect(result.diagnostics.map(brief)).toEqual([{ code: 'schema', severity: 'error', at: '3:21-3:25', path: 'inputs.0.type' }]);
    const form = validate(lines('name: d', 'inputs: {properties: 5}', 'triggers: [{type: manual}]', 'steps: [{name: s, type: console, with: {message: m}}]'));
    expect(form.diagnostics.map(brief)).toEqual([{ code: 'schema', severity: 'error', at: '2:22-2:23', path: 'inputs.properties' }]);
  });

  it('handles empty and non-mapping documents', () => {
    expect(validate('').diagnostics.map(brief)).toEqual([{ code: 'schema', severity: 'error', at: '1:1-1:1', path: '' }]);
    const list = validate('- a\n- b\n');
    expect(list.diagnostics[0].message).toBe('Expected a workflow: a YAML mapping with name, triggers and steps.');
    expect(list.name).toBe('Untitled workflow');
  });

  it('extracts name, tags and trigger types from an invalid workflow', () => {
    const result = validate(lines('name: Broken', 'tags: [x, 3]', 'triggers: [{type: alert}, {type: manual}]', 'steps: []'));
    expect(result.valid).toBe(false);
    expect(result).toMatchObject({ name: 'Broken', tags: ['x'], triggerTypes: ['alert', 'manual'], definition: null });
  });
});

describe('validateWorkflowYaml with host-registered flow control ids', () => {
  it('treats if/foreach as flow control even when a definition uses the id', () => {
    const definitions = [...TEST_STEP_DEFINITIONS, { id: 'if', inputSchema: z.object({ never: z.string() }), outputSchema: z.unknown() }];
    const yaml = lines(...HEADER, '  - name: c', '    type: if', '    condition: "a: 1"', '    steps: [{name: s, type: console, with: {message: m}}]');
    expect(validateWorkflowYaml(yaml, { stepDefinitions: definitions }).diagnostics).toEqual([]);
  });
});
