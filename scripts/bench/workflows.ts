/**
 * `npm run bench -- workflows [--store memory|es] [--repeat N]`: the workflow engine's own overhead.
 *
 * 1. a 200-step `data.set` workflow, 2. a `foreach` over 1,000 items with a `data.set` body, 3. executions per second
 * of a 5-step workflow at host concurrency 8. Each is printed next to baselines measured in the same run: the same
 * `data.set` handler called in a bare loop (a) with a pre-built input and (b) after rendering `with` through the same
 * Liquid engine and parsing it with the step's schema. Numbers are printed, never asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@elastic/elasticsearch';
import { parse } from 'yaml';
import { createFakeKibanaRequest } from '../../platform/core/server';
import { createLoggerFactory } from '../../platform/core/server/logging';
import { startEmbeddedElasticsearch } from '../../platform/elasticsearch';
import type { WorkflowDefinition } from '../../platform/packages/workflows/definition';
import { ExecutionService, createEsWorkflowsStore, createMemoryWorkflowsStore } from '../../platform/plugins/workflows_execution_engine/server';
import type { WorkflowsStore } from '../../platform/plugins/workflows_execution_engine/server';
import { createAgentRegistry } from '../../platform/plugins/workflows_execution_engine/server/agents/agent_registry';
import { lazyClient } from '../../platform/plugins/workflows_execution_engine/server/lazy_services';
import { createWorkflowTemplating } from '../../platform/plugins/workflows_execution_engine/server/runner/workflow_templating';
import { createBuiltinStepDefinitions, redactStepInput } from '../../platform/plugins/workflows_execution_engine/server/steps';
import type { BuiltinStepServices } from '../../platform/plugins/workflows_execution_engine/server/steps';
import type { ServerStepDefinition, StepHandlerContext } from '../../platform/plugins/workflows_extensions/common';
import { formatMs } from './stats';

interface Options {
  store: 'memory' | 'es';
  repeat: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { store: 'memory', repeat: 3 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (flag === '--store' && (value === 'memory' || value === 'es')) options.store = value;
    else if (flag === '--repeat' && Number.isInteger(Number(value)) && Number(value) > 0) options.repeat = Number(value);
    else throw new Error(`unknown option ${flag} ${value ?? ''} (expected --store memory|es, --repeat N)`);
  }
  return options;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const definitionOf = (yamlText: string): WorkflowDefinition =>
  ({ version: '1', enabled: true, triggers: [{ type: 'manual' }], ...(parse(yamlText) as object) }) as WorkflowDefinition;

function builtinSteps(): Map<string, ServerStepDefinition> {
  const services: BuiltinStepServices = {
    httpAllowedHosts: ['*'],
    agents: createAgentRegistry(),
    // No step of the benchmark uses Elasticsearch; any use fails loudly.
    esInternalClient: lazyClient(() => {
      throw new Error('Elasticsearch is not available in the workflows benchmark');
    }),
    kibanaUrl: 'http://localhost:5601',
  };
  return new Map(createBuiltinStepDefinitions(services).map((definition) => [definition.id, definition]));
}

const STEPS_200 = `
name: bench-200
steps:
${Array.from({ length: 200 }, (_, i) => `  - name: s${i}\n    type: data.set\n    with: { v${i}: ${i}, prev: "\${{ variables.v${Math.max(0, i - 1)} }}", label: "step {{ execution.id }}" }`).join('\n')}
`;

const FOREACH_1000 = `
name: bench-foreach
steps:
  - name: loop
    type: foreach
    foreach: '\${{ inputs.items }}'
    steps:
      - name: acc
        type: data.set
        with: { last: "\${{ foreach.item.n }}", label: "item {{ foreach.index }}" }
`;

const SMALL = `
name: bench-small
steps:
${Array.from({ length: 5 }, (_, i) => `  - name: s${i}\n    type: data.set\n    with: { v${i}: ${i}, label: "{{ inputs.id }}" }`).join('\n')}
`;

interface Engine {
  service: ExecutionService;
  run(yamlText: string, inputs?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

async function createEngine(store: WorkflowsStore, steps: Map<string, ServerStepDefinition>, maxConcurrentRuns: number): Promise<Engine> {
  const logger = createLoggerFactory({ levels: { root: 'error' }, sink: () => undefined }).get('bench');
  const service = new ExecutionService({
    store,
    logger,
    getStepDefinition: (type) => steps.get(type),
    stepsReady: async () => undefined,
    createTemplating: (execution) => createWorkflowTemplating(execution.workflowDefinition.settings),
    createHost: (_principal, spaceId) => ({
      callKibanaApi: async () => {
        throw new Error('no Kibana API in the benchmark');
      },
      getScopedEsClient: () => {
        throw new Error('no Elasticsearch client in the benchmark');
      },
      getFakeRequest: () => createFakeKibanaRequest({ spaceId }),
    }),
    resolvePrincipal: () => ({ username: 'bench', roles: ['superuser'] }),
    redactInput: redactStepInput,
    kibanaUrl: 'http://localhost:5601',
    maxConcurrentRuns,
    maxStepOutputBytes: 10 * 1024 * 1024,
    heartbeatIntervalMs: 15_000,
  });
  await service.start();
  const definitions = new Map<string, WorkflowDefinition>();
  return {
    service,
    run: async (yamlText, inputs = {}) => {
      let definition = definitions.get(yamlText);
      if (!definition) definitions.set(yamlText, (definition = definitionOf(yamlText)));
      const { workflowExecutionId } = await service.runWorkflow({
        workflow: { id: definition.name, name: definition.name, enabled: true, yaml: yamlText, definition },
        spaceId: 'default',
        inputs,
        request: createFakeKibanaRequest({ spaceId: 'default' }),
      });
      return workflowExecutionId;
    },
    stop: () => service.stop(),
  };
}

/** The `data.set` handler in a bare loop: (a) input pre-built, (b) `with` rendered with Liquid and schema-parsed first. */
async function baseline(steps: Map<string, ServerStepDefinition>, withs: Array<Record<string, unknown>>, context: Record<string, unknown>, render: boolean): Promise<number> {
  const definition = steps.get('data.set');
  if (!definition) throw new Error('data.set is not a built-in');
  const templating = createWorkflowTemplating(undefined);
  const signal = new AbortController().signal;
  const started = performance.now();
  let variables: Record<string, unknown> = {};
  for (const raw of withs) {
    const input = render ? definition.inputSchema.parse(await templating.render(raw, { ...context, variables })) : raw;
    const result = await definition.handler({ input, rawInput: raw, config: {}, stepId: 's', stepType: 'data.set', abortSignal: signal } as unknown as StepHandlerContext);
    if (render && result.output && typeof result.output === 'object') variables = { ...variables, ...(result.output as Record<string, unknown>) };
  }
  return performance.now() - started;
}

async function timeRun(engine: Engine, yamlText: string, inputs?: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const id = await engine.run(yamlText, inputs);
  const status = await engine.service.waitForCompletion(id, 600_000);
  if (status !== 'completed') throw new Error(`benchmark run ${id} ended ${status}`);
  return performance.now() - started;
}

function report(label: string, units: number, unitName: string, engineMs: number, bareMs: number, renderedMs: number): void {
  const per = (ms: number) => formatMs(ms / units);
  console.log(`${label}`);
  console.log(`  engine                 ${formatMs(engineMs).padStart(10)}  ${per(engineMs).padStart(10)}/${unitName}`);
  console.log(`  bare handler loop      ${formatMs(bareMs).padStart(10)}  ${per(bareMs).padStart(10)}/${unitName}   engine/bare     ${(engineMs / bareMs).toFixed(1)}x`);
  console.log(`  render+parse+handler   ${formatMs(renderedMs).padStart(10)}  ${per(renderedMs).padStart(10)}/${unitName}   engine/rendered ${(engineMs / renderedMs).toFixed(2)}x`);
  console.log(`  engine overhead        ${per(engineMs - renderedMs).padStart(22)}/${unitName} beyond rendering and the handler`);
}

export async function run(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const steps = builtinSteps();
  let es: { stop(): Promise<void> } | undefined;
  let client: Client | undefined;
  let dataPath: string | undefined;
  let store: WorkflowsStore;
  if (options.store === 'es') {
    dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-workflows-'));
    const engine = await startEmbeddedElasticsearch({ port: 0, dataPath, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    es = engine;
    client = new Client({ node: engine.url });
    store = createEsWorkflowsStore({ client, indexPrefix: '.workflows-' });
  } else {
    store = createMemoryWorkflowsStore();
  }
  console.log(`workflow engine benchmark (store: ${options.store}, median of ${options.repeat}, node ${process.version})`);
  const context = { execution: { id: 'bench' }, inputs: {}, consts: {}, steps: {} };
  const engine = await createEngine(store, steps, 10);
  try {
    // 1. 200 data.set steps
    const withs200 = definitionOf(STEPS_200).steps.map((s) => s.with ?? {});
    await timeRun(engine, STEPS_200);
    const e200: number[] = [];
    const b200: number[] = [];
    const r200: number[] = [];
    for (let i = 0; i < options.repeat; i++) {
      e200.push(await timeRun(engine, STEPS_200));
      b200.push(await baseline(steps, withs200, context, false));
      r200.push(await baseline(steps, withs200, context, true));
    }
    report('200-step data.set workflow', 200, 'step', median(e200), median(b200), median(r200));

    // 2. foreach over 1,000 items
    const items = Array.from({ length: 1000 }, (_, n) => ({ n, name: `item-${n}` }));
    const loopWith = { last: '${{ foreach.item.n }}', label: 'item {{ foreach.index }}' };
    const eLoop: number[] = [];
    const bLoop: number[] = [];
    const rLoop: number[] = [];
    for (let i = 0; i < options.repeat; i++) {
      eLoop.push(await timeRun(engine, FOREACH_1000, { items }));
      bLoop.push(await baseline(steps, items.map((item) => ({ last: item.n, label: `item ${item.n}` })), context, false));
      const templating = createWorkflowTemplating(undefined);
      const started = performance.now();
      const definition = steps.get('data.set');
      for (let index = 0; index < items.length; index++) {
        const input = definition?.inputSchema.parse(await templating.render(loopWith, { ...context, foreach: { item: items[index], index, items, total: items.length } }));
        await definition?.handler({ input } as unknown as StepHandlerContext);
      }
      rLoop.push(performance.now() - started);
    }
    report('foreach over 1,000 items (data.set body)', 1000, 'iteration', median(eLoop), median(bLoop), median(rLoop));
  } finally {
    await engine.stop();
  }

  // 3. executions per second at host concurrency 8
  const concurrent = await createEngine(store, steps, 8);
  try {
    const executions = 200;
    await timeRun(concurrent, SMALL, { id: 'warm' });
    const rates: number[] = [];
    const baseRates: number[] = [];
    const withsSmall = definitionOf(SMALL).steps.map((s) => s.with ?? {});
    for (let r = 0; r < options.repeat; r++) {
      const started = performance.now();
      const ids = await Promise.all(Array.from({ length: executions }, (_, i) => concurrent.run(SMALL, { id: `run-${i}` })));
      const statuses = await Promise.all(ids.map((id) => concurrent.service.waitForCompletion(id, 600_000)));
      if (statuses.some((s) => s !== 'completed')) throw new Error(`some executions did not complete: ${[...new Set(statuses)].join(',')}`);
      rates.push(executions / ((performance.now() - started) / 1000));
      const baseStarted = performance.now();
      let next = 0;
      const worker = async () => {
        while (next < executions) {
          next++;
          await baseline(steps, withsSmall, { ...context, inputs: { id: `run-${next}` } }, true);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      baseRates.push(executions / ((performance.now() - baseStarted) / 1000));
    }
    const rate = median(rates);
    const baseRate = median(baseRates);
    console.log(`executions/s, ${executions} runs of a 5-step data.set workflow, host concurrency 8`);
    console.log(`  engine                 ${rate.toFixed(0).padStart(10)} executions/s`);
    console.log(`  8 workers, render+parse+handler ×5   ${baseRate.toFixed(0).padStart(6)} executions/s   engine/baseline ${(rate / baseRate).toFixed(2)}x`);
  } finally {
    await concurrent.stop();
    await client?.close();
    await es?.stop();
    if (dataPath) fs.rmSync(dataPath, { recursive: true, force: true });
  }
  return 0;
}
