import { parse } from 'yaml';
import { z } from 'zod/v4';
import { TEST_STEP_DEFINITIONS } from '../validation/test_step_definitions';
import { buildWorkflowJsonSchema } from './build_workflow_json_schema';
import { tolerateTemplates } from './template_tolerance';
import { checkJsonSchema } from './test_json_schema_validator';

const strict = buildWorkflowJsonSchema(TEST_STEP_DEFINITIONS, { loose: false });
const loose = buildWorkflowJsonSchema(TEST_STEP_DEFINITIONS, { loose: true });

const VALID = `
name: Demo
enabled: true
settings:
  timeout: 5m
  concurrency: {strategy: queue, max: 7, maxQueueSize: 100}
triggers:
  - type: manual
    inputs:
      - {name: a, type: string}
  - type: alert
consts: {x: 1}
steps:
  - name: loop
    type: foreach
    foreach: "{{ inputs.list }}"
    steps:
      - name: check
        type: if
        condition: "a: 1"
        steps:
          - {name: say, type: console, with: {message: "{{ foreach.item }}"}}
        else:
          - name: narrate
            type: security.renderAlertNarrative
            with: {alert: "{{ event.alerts[0] | json }}", maxChars: "{{ consts.max }}"}
  - name: agent
    type: ai.agent
    agent-id: elastic-ai-agent
    create-conversation: "{{ inputs.create }}"
    on-failure:
      retry: {max-attempts: 2, delay: 5s}
      fallback:
        - {name: fb, type: console, with: {message: failed}}
    with: {message: hi}
`;

describe('buildWorkflowJsonSchema', () => {
  it('is draft-7 with one oneOf branch per step type, flow control first, then sorted ids', () => {
    expect(strict.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const definitions = strict.definitions as Record<string, { oneOf?: Array<{ properties: { type: unknown } }> }>;
    const types = definitions.step.oneOf?.map((branch) => branch.properties.type);
    expect(types).toEqual([
      { const: 'if' },
      { const: 'foreach' },
      ...[...TEST_STEP_DEFINITIONS.map((d) => d.id)].sort().map((id) => ({ const: id })),
    ]);
  });

  it('accepts a valid workflow', () => {
    expect(checkJsonSchema(strict, parse(VALID))).toEqual([]);
    expect(checkJsonSchema(loose, parse(VALID))).toEqual([]);
  });

  it('rejects bad workflows', () => {
    const doc = parse(VALID);
    expect(checkJsonSchema(strict, { ...doc, steps: [] })).toContain('$.steps: too few items');
    expect(checkJsonSchema(strict, { ...doc, triggers: [{ type: 'weekly' }] })).toContain('$.triggers[0]: 0 oneOf branches match');
    expect(checkJsonSchema(strict, { name: 'x', triggers: [{ type: 'manual' }] })).toContain('$: missing steps');
    const badWith = { ...doc, steps: [{ name: 'n', type: 'security.renderAlertNarrative', with: { alert: 5 } }] };
    expect(checkJsonSchema(strict, badWith)).toContain('$.steps[0]: 0 oneOf branches match');
    const missingWith = { ...doc, steps: [{ name: 'c', type: 'console' }] };
    expect(checkJsonSchema(strict, missingWith)).toContain('$.steps[0]: 0 oneOf branches match');
    const badConfig = { ...doc, steps: [{ name: 'a', type: 'ai.agent', 'create-conversation': 'yes', with: { message: 'm' } }] };
    expect(checkJsonSchema(strict, badConfig)).toContain('$.steps[0]: 0 oneOf branches match');
    const nestedBad = { ...doc, steps: [{ name: 'i', type: 'if', condition: 'a:1', steps: [{ name: 'x', type: 'unknown.type' }] }] };
    expect(checkJsonSchema(strict, nestedBad)).toContain('$.steps[0]: 0 oneOf branches match');
  });

  it('loose mode accepts unknown step types and extra keys, strict mode does not', () => {
    const unknownType = { name: 'x', triggers: [{ type: 'manual' }], steps: [{ name: 'a', type: 'plugin.notYetRegistered', with: { any: 1 }, extra: true }] };
    expect(checkJsonSchema(loose, unknownType)).toEqual([]);
    expect(checkJsonSchema(strict, unknownType)).not.toEqual([]);
    // A known type still has to match its own branch in loose mode.
    const knownBad = { name: 'x', triggers: [{ type: 'manual' }], steps: [{ name: 'a', type: 'console', with: { message: 5 } }] };
    expect(checkJsonSchema(loose, knownBad)).not.toEqual([]);
  });

  it('uses $ref for nested step lists and carries titles and descriptions', () => {
    const definitions = strict.definitions as Record<string, { oneOf: Array<Record<string, unknown>> } & Record<string, unknown>>;
    const ifBranch = definitions.step.oneOf[0] as { properties: Record<string, unknown> };
    expect(ifBranch.properties.steps).toEqual({ $ref: '#/definitions/steps' });
    expect(ifBranch.properties.else).toEqual({ $ref: '#/definitions/steps' });
    expect(definitions.onFailure).toMatchObject({ properties: { fallback: { $ref: '#/definitions/steps' } } });
    const narrative = definitions.step.oneOf.find((branch) => (branch.properties as { type: { const: string } }).type.const === 'security.renderAlertNarrative');
    expect(narrative).toMatchObject({ title: 'Render alert narrative', description: 'Plain-English story of an alert.', required: ['name', 'type', 'with'] });
  });

  it('makes non-string leaves of with and config template-tolerant', () => {
    const definitions = strict.definitions as Record<string, Record<string, unknown>>;
    const withSchema = definitions['step.security.renderAlertNarrative.with'] as { anyOf: Array<{ properties?: Record<string, unknown> }> };
    expect(withSchema.anyOf[1]).toEqual({ type: 'string', pattern: '\\{\\{' });
    expect(withSchema.anyOf[0].properties?.maxChars).toMatchObject({ anyOf: [{ type: 'integer' }, { type: 'string', pattern: '\\{\\{' }] });
    const agent = (definitions.step as unknown as { oneOf: Array<{ properties: Record<string, unknown> }> }).oneOf.find((b) => (b.properties.type as { const: string }).const === 'ai.agent');
    expect(agent?.properties['create-conversation']).toMatchObject({ anyOf: [{ type: 'boolean' }, { type: 'string', pattern: '\\{\\{' }] });
    expect(agent?.properties['agent-id']).toMatchObject({ type: 'string' });
  });

  it('is deterministic regardless of registration order', () => {
    const reversed = buildWorkflowJsonSchema([...TEST_STEP_DEFINITIONS].reverse(), { loose: false });
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(strict));
  });

  it('relocates recursive with-schemas under the global definitions', () => {
    type Tree = { label: string; children?: Tree[] };
    const tree: z.ZodType<Tree> = z.lazy(() => z.object({ label: z.string(), children: z.array(tree).optional() }));
    const schema = buildWorkflowJsonSchema([{ id: 'x.tree', inputSchema: z.object({ root: tree }), outputSchema: z.unknown() }], { loose: false });
    const doc = { name: 'n', triggers: [{ type: 'manual' }], steps: [{ name: 's', type: 'x.tree', with: { root: { label: 'a', children: [{ label: 'b' }] } } }] };
    expect(checkJsonSchema(schema, doc)).toEqual([]);
    const bad = { ...doc, steps: [{ name: 's', type: 'x.tree', with: { root: { label: 'a', children: [{ label: 3 }] } } }] };
    expect(checkJsonSchema(schema, bad)).not.toEqual([]);
    expect(JSON.stringify(schema)).not.toContain('"#"');
  });
});

describe('buildWorkflowJsonSchema with unconvertible schemas', () => {
  it('degrades a with-schema zod cannot convert to an unconstrained one', () => {
    // E.g. a schema object from another zod copy: it parses, but this zod cannot walk it.
    const foreign = { safeParse: () => ({ success: true, data: {} }) } as unknown as z.ZodType;
    expect(() => z.toJSONSchema(foreign)).toThrow();
    const schema = buildWorkflowJsonSchema([{ id: 'x.custom', inputSchema: foreign, outputSchema: z.unknown() }], { loose: false });
    const doc = { name: 'n', triggers: [{ type: 'manual' }], steps: [{ name: 's', type: 'x.custom', with: { a: 'x' } }] };
    expect(checkJsonSchema(schema, doc)).toEqual([]);
  });
});

describe('tolerateTemplates', () => {
  it('wraps non-string leaves and containers, leaves plain strings alone', () => {
    expect(tolerateTemplates({ type: 'string' })).toEqual({ type: 'string' });
    expect(tolerateTemplates({ type: 'number' })).toEqual({ anyOf: [{ type: 'number' }, { type: 'string', pattern: '\\{\\{' }] });
    expect(tolerateTemplates({ type: 'string', enum: ['a'] })).toEqual({ anyOf: [{ type: 'string', enum: ['a'] }, { type: 'string', pattern: '\\{\\{' }] });
    expect(tolerateTemplates({})).toEqual({});
  });
});
