/**
 * Bad input (issue 8/8): YAML bombs, deep nesting, huge documents and thousands of steps are rejected by
 * `validateWorkflowYaml` and by the create / update / validate / test routes with a clear `yaml-too-large` or
 * `yaml-syntax` error, in bounded time and memory, and never stored as a runnable workflow.
 */
import {
  MAX_WORKFLOW_STEPS,
  MAX_WORKFLOW_YAML_BYTES,
  MAX_WORKFLOW_YAML_DEPTH,
  validateWorkflowYaml,
  type WorkflowValidationResult,
} from '../../platform/packages/workflows';
import { dataSetStepDefinition } from '../../platform/plugins/workflows_execution_engine/server/steps/data_set/data_set_step';
import { consoleStepDefinition } from '../../platform/plugins/workflows_execution_engine/server/steps/console/console_step';
import { startTestPlatform, type TestPlatform } from '../helpers';
import { deepWithValue, hostileYamls, hugeDocument, manySteps } from './helpers/bad_input_yaml';

jest.setTimeout(120_000);

const stepDefinitions = [consoleStepDefinition, dataSetStepDefinition];

function measure(yaml: string): { result: WorkflowValidationResult; ms: number; heapMb: number } {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = Date.now();
  const result = validateWorkflowYaml(yaml, { stepDefinitions });
  return { result, ms: Date.now() - started, heapMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6) };
}

const errorMessages = (result: WorkflowValidationResult) => result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

describe('validateWorkflowYaml limits', () => {
  it('rejects every hostile document with a clear error, fast and without a memory spike', () => {
    const report: string[] = [];
    for (const { label, yaml, message } of hostileYamls()) {
      const { result, ms, heapMb } = measure(yaml);
      report.push(`${label}: ${yaml.length} B → ${ms} ms, ${heapMb} MB`);
      expect({ label, valid: result.valid, definition: result.definition }).toEqual({ label, valid: false, definition: null });
      expect({ label, messages: errorMessages(result) }).toEqual({ label, messages: expect.arrayContaining([expect.stringMatching(message)]) });
      // Generous bounds for a loaded 2-core machine; before the limits, 400k nesting took 8 s and 320 MB.
      expect({ label, slow: ms > 20_000 }).toEqual({ label, slow: false });
      expect({ label, heavy: heapMb > 250 }).toEqual({ label, heavy: false });
    }
    // eslint-disable-next-line no-console
    console.log(`yaml limits (validator): ${report.join('; ')}`);
  });

  it('rejects a document over the size limit before parsing it', () => {
    const { result, ms } = measure(hugeDocument(MAX_WORKFLOW_YAML_BYTES + 1));
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-too-large', message: `The workflow YAML exceeds the ${MAX_WORKFLOW_YAML_BYTES} bytes limit.` })]);
    expect(ms).toBeLessThan(5_000);
  });

  it('accepts documents right at the limits (the limits are not off by one)', () => {
    const atDepth = measure(deepWithValue(MAX_WORKFLOW_YAML_DEPTH - 10));
    expect(errorMessages(atDepth.result)).toEqual([]);
    const atSteps = measure(manySteps(MAX_WORKFLOW_STEPS));
    expect(errorMessages(atSteps.result)).toEqual([]);
    expect(atSteps.result.definition?.steps).toHaveLength(MAX_WORKFLOW_STEPS);
    const tooMany = measure(manySteps(MAX_WORKFLOW_STEPS + 1));
    expect(errorMessages(tooMany.result)).toEqual([`The workflow has ${MAX_WORKFLOW_STEPS + 1} steps; at most ${MAX_WORKFLOW_STEPS} are allowed.`]);
    // A mid-sized legitimate document with a few anchors still validates.
    const anchors = measure(
      'version: "1"\nname: anchors\ntriggers: [{ type: manual }]\nsteps:\n  - { name: a, type: console, with: &w { message: hi } }\n  - { name: b, type: console, with: *w }\n',
    );
    expect(anchors.result.valid).toBe(true);
  });
});

describe('workflow routes', () => {
  let tp: TestPlatform;

  beforeAll(async () => {
    tp = await startTestPlatform({ plugins: ['workflowsManagement'] });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  it('create, update, validate and test reject each hostile document with the diagnostic; nothing runnable is stored', async () => {
    const created = await tp.post<{ id: string }>('/api/workflows/workflow', {
      yaml: 'version: "1"\nname: target\ntriggers: [{ type: manual }]\nsteps:\n  - { name: a, type: console, with: { message: hi } }\n',
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    const report: string[] = [];
    let tried = 0;
    const statuses = new Map<number, number>();
    for (const { label, yaml, message } of hostileYamls()) {
      const started = Date.now();
      const calls = {
        validate: await tp.post<{ valid: boolean; diagnostics: Array<{ severity: string; message: string }> }>('/api/workflows/validate', { yaml }),
        create: await tp.post<{ id?: string; valid?: boolean; enabled?: boolean; validationErrors?: Array<{ message: string }>; message?: string }>('/api/workflows/workflow', { yaml }),
        update: await tp.put<{ valid?: boolean; enabled?: boolean; validationErrors?: Array<{ message: string }>; message?: string }>(`/api/workflows/workflow/${id}`, { yaml }),
        test: await tp.post<{ message?: string; attributes?: { diagnostics?: Array<{ message: string }> } }>('/api/workflows/test', { workflowYaml: yaml }),
      };
      tried += 4;
      for (const res of Object.values(calls)) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      report.push(`${label}: ${Date.now() - started} ms for 4 calls`);
      for (const [route, res] of Object.entries(calls)) expect({ label, route, status: res.status < 500 }).toEqual({ label, route, status: true });

      expect(calls.validate.status).toBe(200);
      expect(calls.validate.body.valid).toBe(false);
      expect(calls.validate.body.diagnostics.some((d) => d.severity === 'error' && message.test(d.message))).toBe(true);
      // Invalid but saved (workflow-engine §1.5): stored disabled with the error, never runnable.
      expect(calls.create.status).toBe(200);
      expect(calls.create.body).toMatchObject({ valid: false, enabled: false });
      expect(calls.create.body.validationErrors?.some((d) => message.test(d.message))).toBe(true);
      expect(calls.update.status).toBe(200);
      expect(calls.update.body).toMatchObject({ valid: false, enabled: false });
      expect(calls.test.status).toBe(400);
      expect(calls.test.body.attributes?.diagnostics?.some((d) => message.test(d.message))).toBe(true);
      // The invalid workflow cannot be run.
      if (calls.create.body.id) {
        const run = await tp.post(`/api/workflows/workflow/${calls.create.body.id}/run`, { inputs: {} });
        tried++;
        expect(run.status).toBeGreaterThanOrEqual(400);
        expect(run.status).toBeLessThan(500);
      }
    }
    // Over the HTTP payload limit: a clean 413 before any parsing.
    const oversize = await tp.post('/api/workflows/workflow', { yaml: hugeDocument(MAX_WORKFLOW_YAML_BYTES + 100) });
    tried++;
    expect(oversize.status).toBe(413);
    expect((await tp.get('/api/status')).status).toBe(200);
    // eslint-disable-next-line no-console
    console.log(`yaml limits (routes): ${tried} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, 0 5xx; ${report.join('; ')}`);
  });
});
