/**
 * Bad input (issue 8/8): fast-check over the input of EVERY registered step type (the host's built-ins and the three
 * security steps, read from the workflowsExtensions registry of a started platform). Volume goes through the handler
 * the way the engine calls it (schemas first, then the handler with a real context); a subset goes through the public
 * path, `POST /api/workflows/test` with a one-step workflow. Never a 5xx, never a crash (a JavaScript TypeError & co.
 * or a hang): always a clear validation error, a clear step error or a result.
 */
import fc from 'fast-check';
import type { ServerStepDefinition } from '../../platform/plugins/workflows_extensions/common';
import type { WorkflowsExtensionsServerStart } from '../../platform/plugins/workflows_extensions/server';
import { seedSampleData } from '../../scripts/sample_data';
import { startTestPlatform, type TestPlatform } from '../helpers';
import { junkJson, stepInputArbitrary } from './helpers/bad_input_arbitraries';
import { runStepHandler } from './helpers/bad_input_step_context';
import { isClearError, oneStepWorkflowYaml, testRun } from './helpers/bad_input_workflows';

jest.setTimeout(170_000);

const HANDLER_RUNS_PER_STEP = 50;
const API_RUNS_PER_STEP = 4;
const HANDLER_TIMEOUT_MS = 4_000;
const SEED = 20261130;
const SECURITY_STEPS = ['security.renderAlertNarrative', 'security.buildAlertEntityGraph', 'security.validateAlertVerdict'];

let tp: TestPlatform;
let definitions: ServerStepDefinition[];
let specials: string[];

beforeAll(async () => {
  tp = await startTestPlatform({ plugins: ['securityAiAssistant', 'securitySolution', 'workflowsManagement', 'actions'] });
  await seedSampleData({ esClient: tp.es, spaceId: 'default', count: 160, seed: 5 });
  await tp.es.indices.refresh({ index: '.alerts-security.alerts-default' });
  const hits = await tp.es.search({ index: '.alerts-security.alerts-default', size: 5, query: { match_all: {} } });
  const alertIds = hits.hits.hits.map((h) => h._id ?? '').filter((id) => id !== '');
  // Real ids and indices let fuzzed inputs reach the handlers' Elasticsearch paths.
  specials = [...alertIds, '.alerts-security.alerts-default', '.alerts-security.alerts-other', 'host.name', 'process.entity_id', '1h', '30s', 'GET', 'POST', '/api/status', '/s/default/api/note', '/internal/security_solution/alert_validation/runtime_config', '/api/detection_engine/signals/tags'];
  const extensions = tp.platform.pluginsStart.get('workflowsExtensions') as WorkflowsExtensionsServerStart | undefined;
  if (!extensions) throw new Error('workflowsExtensions is not started');
  await extensions.isReady();
  definitions = extensions.getAllStepDefinitions();
});

afterAll(async () => {
  await tp?.stop();
});

describe('step input fuzz', () => {
  it('covers every registered step, the three security steps included', () => {
    const ids = definitions.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([...SECURITY_STEPS, 'data.set', 'console', 'wait', 'http', 'kibana.request', 'elasticsearch.search', 'ai.prompt', 'ai.agent']));
  });

  it('handler path: every input ends in a validation error, a clear step error or a result', async () => {
    const failures: string[] = [];
    const counts = { tried: 0, invalid: 0, result: 0, error: 0 };
    const perStep: string[] = [];
    for (const [index, definition] of definitions.entries()) {
      const inputs = fc.sample(stepInputArbitrary(definition.inputSchema, specials), { numRuns: HANDLER_RUNS_PER_STEP, seed: SEED + index });
      const configs = definition.configSchema
        ? fc.sample(stepInputArbitrary(definition.configSchema, specials), { numRuns: HANDLER_RUNS_PER_STEP, seed: SEED - index })
        : [];
      const before = { ...counts };
      for (const [i, input] of inputs.entries()) {
        counts.tried++;
        const outcome = await runStepHandler(tp, definition, input, configs[i], HANDLER_TIMEOUT_MS);
        const shown = JSON.stringify(input)?.slice(0, 160);
        if (outcome.kind === 'invalid-input') {
          counts.invalid++;
          if (outcome.message.trim() === '') failures.push(`${definition.id} ${shown}: empty validation message`);
        } else if (outcome.kind === 'result') {
          counts.result++;
        } else if (outcome.kind === 'hung') {
          failures.push(`${definition.id} ${shown}: did not settle ${HANDLER_TIMEOUT_MS} ms after its abort`);
        } else {
          counts.error++;
          if (!isClearError(outcome.error)) failures.push(`${definition.id} ${shown}: crash ${outcome.error.name}: ${outcome.error.message.slice(0, 200)}`);
        }
      }
      perStep.push(`${definition.id} ${counts.invalid - before.invalid}/${counts.error - before.error}/${counts.result - before.result}`);
    }
    // eslint-disable-next-line no-console
    console.log(`step input fuzz (handlers): ${definitions.length} steps × ${HANDLER_RUNS_PER_STEP} = ${counts.tried} inputs; ${counts.invalid} invalid, ${counts.error} step errors, ${counts.result} results; invalid/error/result per step: ${perStep.join(', ')}; ${failures.length} crashes`);
    expect(failures).toEqual([]);
    // The schema-shaped share must reach the handlers, not stop at validation.
    expect(counts.result + counts.error).toBeGreaterThan(counts.tried / 4);
  });

  it('public path: POST /api/workflows/test with a one-step workflow never answers 5xx and every run ends clearly', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let tried = 0;
    for (const [index, definition] of definitions.entries()) {
      const inputs = fc.sample(fc.oneof(stepInputArbitrary(definition.inputSchema, specials), junkJson(specials)), { numRuns: API_RUNS_PER_STEP, seed: SEED * 2 + index });
      for (const input of inputs) {
        tried++;
        const yaml = oneStepWorkflowYaml(definition.id, input);
        let outcome;
        try {
          outcome = await testRun(tp, yaml, 30_000);
        } catch (error) {
          failures.push(`${definition.id}: ${(error as Error).message}`);
          continue;
        }
        const { response, execution } = outcome;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) failures.push(`${definition.id} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        if (response.status === 400 && typeof response.body.message !== 'string') failures.push(`${definition.id} → 400 without a message`);
        if (!execution) continue;
        const step = execution.stepExecutions.find((s) => s.stepId === 'fuzzed_step');
        if (execution.status === 'failed' && step?.status === 'failed' && !isClearError(step.error)) {
          failures.push(`${definition.id} ${yaml.slice(0, 200)} → crash ${JSON.stringify(step.error).slice(0, 200)}`);
        }
        if (!['completed', 'failed'].includes(execution.status)) failures.push(`${definition.id} → execution ${execution.status}`);
      }
    }
    expect((await tp.get('/api/status')).status).toBe(200);
    // eslint-disable-next-line no-console
    console.log(`step input fuzz (API): ${tried} one-step workflows; statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${failures.length} failures`);
    expect(failures).toEqual([]);
  });
});
