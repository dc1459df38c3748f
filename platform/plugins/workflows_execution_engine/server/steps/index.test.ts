import { Client } from '@elastic/elasticsearch';
import { parse } from 'yaml';
import { z } from 'zod/v4';
import { StepCategory } from '../../../workflows_extensions/common';
import { createBuiltinStepDefinitions, redactStepInput } from './index';

// Never contacted: building the definitions does no I/O.
const esInternalClient = new Client({ node: 'http://127.0.0.1:1' });
const definitions = createBuiltinStepDefinitions({
  httpAllowedHosts: ['*'],
  agents: { get: () => undefined },
  esInternalClient,
  kibanaUrl: 'http://localhost:5601',
});

afterAll(() => esInternalClient.close());


describe('createBuiltinStepDefinitions', () => {
  it('registers exactly the spec leaf built-ins', () => {
    expect(definitions.map((d) => d.id).sort()).toEqual(
      [
        'ai.agent',
        'ai.prompt',
        'console',
        'data.set',
        'elasticsearch.bulk',
        'elasticsearch.esql.query',
        'elasticsearch.index',
        'elasticsearch.request',
        'elasticsearch.search',
        'elasticsearch.update',
        'http',
        'kibana.SetAlertTags',
        'kibana.SetAlertsStatus',
        'kibana.request',
        'wait',
      ].sort(),
    );
  });

  it.each(definitions.map((d) => [d.id, d] as const))('%s has label, description, category and an example whose with/config parse', (_id, definition) => {
    expect(definition.label).toEqual(expect.any(String));
    expect(definition.description).toEqual(expect.any(String));
    expect(Object.values(StepCategory)).toContain(definition.category);
    const examples = definition.documentation?.examples ?? [];
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const [step] = parse(example) as Array<Record<string, unknown>>;
      expect(step.type).toBe(definition.id);
      expect(typeof step.name).toBe('string');
      const input = definition.inputSchema.safeParse(step.with ?? {});
      expect(input.error?.issues).toBeUndefined();
      if (definition.configSchema) {
        const config: Record<string, unknown> = {};
        for (const key of Object.keys(definition.configSchema.shape)) if (step[key] !== undefined) config[key] = step[key];
        expect(definition.configSchema.safeParse(config).error?.issues).toBeUndefined();
      }
    }
  });

  it.each(definitions.map((d) => [d.id, d] as const))('%s schemas convert to the editor JSON Schema', (_id, definition) => {
    for (const io of ['input', 'output'] as const) {
      const json = z.toJSONSchema(definition.inputSchema, { target: 'draft-7', unrepresentable: 'any', io });
      expect(typeof json).toBe('object');
      if (definition.configSchema) expect(typeof z.toJSONSchema(definition.configSchema, { target: 'draft-7', unrepresentable: 'any', io })).toBe('object');
    }
  });

  it('exposes redactStepInput for stored inputs', () => {
    expect(redactStepInput('http', { headers: { Cookie: 'a' } })).toEqual({ headers: { Cookie: '[REDACTED]' } });
  });
});
