import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod/v4';
import type { BaseStepDefinition } from '../../../plugins/workflows_extensions/common/step_definition';
import { validateWorkflowYaml } from './validate_workflow_yaml';

/*
 * The preinstalled security.alert.validation workflow must validate (workflow-engine §8). Step `with` schemas are the
 * engine's and plugins' business, so every type is registered with a permissive schema here; this checks the YAML,
 * the templates, the conditions and the literals.
 */

const SHIPPED = path.resolve(__dirname, '../../../../workflows/security.alert.validation.yml');

const permissive = (id: string, configKeys: string[] = []): BaseStepDefinition => ({
  id,
  inputSchema: z.looseObject({}),
  outputSchema: z.unknown(),
  ...(configKeys.length > 0 ? { configSchema: z.object(Object.fromEntries(configKeys.map((key) => [key, z.unknown()]))) } : {}),
});

const definitions: BaseStepDefinition[] = [
  ...['data.set', 'console', 'wait', 'http', 'ai.prompt', 'kibana.request', 'kibana.SetAlertTags', 'kibana.SetAlertsStatus'].map((id) => permissive(id)),
  ...['search', 'esql.query', 'index', 'update', 'bulk', 'request'].map((op) => permissive(`elasticsearch.${op}`)),
  ...['security.buildAlertEntityGraph', 'security.renderAlertNarrative', 'security.validateAlertVerdict'].map((id) => permissive(id)),
  permissive('ai.agent', ['agent-id', 'connector-id', 'create-conversation']),
];

const describeIfPresent = fs.existsSync(SHIPPED) ? describe : describe.skip;

describeIfPresent('shipped security.alert.validation.yml', () => {
  it('validates without errors', () => {
    const result = validateWorkflowYaml(fs.readFileSync(SHIPPED, 'utf8'), { stepDefinitions: definitions });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.name).toBe('security.alert.validation');
    expect(result.triggerTypes).toContain('alert');
  });
});
