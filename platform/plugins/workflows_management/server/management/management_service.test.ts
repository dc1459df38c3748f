import type { Client } from '@elastic/elasticsearch';
import { createFakeKibanaRequest, type Logger } from '../../../../core/server';
import type { WorkflowValidationResult } from '../../../../packages/workflows/definition';
import type { RunWorkflowParams, WorkflowsExecutionEngineStart } from '../../../workflows_execution_engine/server/contract';
import { WorkflowsManagementError } from '../errors';
import { encodeRevision, WorkflowConflictError, type StoredWorkflow, type WorkflowDocument, type WorkflowsStore } from '../storage';
import type { WorkflowValidator } from '../validation';
import { createDeferredManagementApi, createWorkflowsManagementService, findStep } from '.';

/** An in-memory store with the real store's conflict rules. */
function memoryStore(): WorkflowsStore {
  const docs = new Map<string, { doc: WorkflowDocument; seq: number }>();
  let seq = 0;
  const stored = (entry: { doc: WorkflowDocument; seq: number }): StoredWorkflow => ({ doc: structuredClone(entry.doc), revision: encodeRevision(entry.seq, 1) });
  return {
    async create(doc) {
      const key = `${doc.spaceId}:${doc.id}`;
      if (docs.has(key)) throw new WorkflowConflictError(`Workflow with id [${doc.id}] already exists in space [${doc.spaceId}]`);
      docs.set(key, { doc, seq: seq++ });
      return stored({ doc, seq: seq - 1 });
    },
    async get(spaceId, id) {
      const entry = docs.get(`${spaceId}:${id}`);
      return entry ? stored(entry) : undefined;
    },
    async update(doc, revision) {
      const key = `${doc.spaceId}:${doc.id}`;
      const entry = docs.get(key);
      if (!entry || encodeRevision(entry.seq, 1) !== revision) throw new WorkflowConflictError('changed');
      const next = { doc, seq: seq++ };
      docs.set(key, next);
      return stored(next);
    },
    async find({ spaceId }) {
      const list = [...docs.values()].filter((e) => e.doc.spaceId === spaceId && !e.doc.deletedAt).map(stored);
      return { workflows: list, total: list.length };
    },
  };
}

const VALID = 'name: ok';
const result = (yaml: string): WorkflowValidationResult =>
  yaml.startsWith('name: ok')
    ? {
        valid: true,
        diagnostics: [],
        definition: {
          version: '1',
          name: 'ok',
          enabled: !yaml.includes('enabled: false'),
          triggers: [{ type: 'manual' }],
          inputs: [{ name: 'n', type: 'number', default: 1 }],
          steps: [{ name: 'outer', type: 'if', condition: 'true', steps: [{ name: 'inner', type: 'console' }], 'on-failure': { fallback: [{ name: 'fb', type: 'console' }] } }],
        },
        name: 'ok',
        tags: [],
        triggerTypes: ['manual'],
      }
    : {
        valid: false,
        diagnostics: [{ severity: 'error', code: 'schema', message: 'bad', path: [], line: 1, column: 1, endLine: 1, endColumn: 1 }],
        definition: null,
        name: 'Untitled workflow',
        tags: [],
        triggerTypes: [],
      };

function setup() {
  const runs: RunWorkflowParams[] = [];
  const engine = {
    runWorkflow: async (params: RunWorkflowParams) => {
      runs.push(params);
      return { workflowExecutionId: `exec-${runs.length}`, status: 'pending' as const };
    },
    getLatestExecutions: async () => ({}),
  } as unknown as WorkflowsExecutionEngineStart;
  const validator: WorkflowValidator = { validate: async (yaml) => result(yaml), getJsonSchema: async () => ({}) };
  const mget = jest.fn(async ({ docs }: { docs: Array<{ _id: string; _index: string }> }) => ({
    docs: docs.map((d) =>
      d._id === 'missing'
        ? { _id: d._id, _index: d._index, found: false }
        : { _id: d._id, _index: d._index, found: true, _source: { 'kibana.alert.rule.uuid': `rule-${d._id}`, 'kibana.alert.rule.name': 'R', 'host.name': 'h' } },
    ),
  }));
  const warnings: string[] = [];
  const logger = { info: () => undefined, warn: (m: string) => warnings.push(m), debug: () => undefined, error: () => undefined } as unknown as Logger;
  const service = createWorkflowsManagementService({
    store: memoryStore(),
    validator,
    spec: {
      prepareRunInputs: (definition, inputs) =>
        typeof inputs.n === 'string'
          ? { valid: false, message: 'Invalid workflow inputs: n', diagnostics: [{ severity: 'error', code: 'invalid-input', message: 'n', path: ['inputs'] }] }
          : { valid: true, inputs: { n: 1, ...inputs, declared: Array.isArray(definition.inputs) } },
    },
    engine,
    getUsername: (request) => (request.isSystemRequest ? 'system' : 'user'),
    getScopedEsClient: () => ({ mget }) as unknown as Client,
    logger,
    now: () => '2024-01-01T00:00:00.000Z',
  });
  return { service, runs, mget, warnings, request: createFakeKibanaRequest({ spaceId: 's' }) };
}

describe('workflows management service', () => {
  it('runs with defaults applied, resolves alert ids into an event and warns on several rules', async () => {
    const { service, runs, warnings, request } = setup();
    const wf = await service.createWorkflow({ yaml: VALID }, 's', request);
    expect(wf.id).toMatch(/^workflow-/);
    await service.runWorkflow(wf, 's', { event: { triggerType: 'alert', alertIds: [{ _id: 'a', _index: '.alerts-security.alerts-s' }, { _id: 'b', _index: '.alerts-security.alerts-s' }] } }, request);
    expect(runs[0]).toMatchObject({ triggeredBy: 'manual', spaceId: 's', workflow: { id: wf.id, name: 'ok', enabled: true } });
    expect(runs[0]?.inputs).toEqual({
      n: 1,
      declared: true,
      event: {
        alerts: [
          { _id: 'a', _index: '.alerts-security.alerts-s', kibana: { alert: { rule: { uuid: 'rule-a', name: 'R' } } }, host: { name: 'h' } },
          { _id: 'b', _index: '.alerts-security.alerts-s', kibana: { alert: { rule: { uuid: 'rule-b', name: 'R' } } }, host: { name: 'h' } },
        ],
        rule: { id: 'rule-a', name: 'R', tags: [], consumer: '', producer: '', ruleTypeId: '' },
        spaceId: 's',
      },
    });
    expect(warnings).toHaveLength(1);
    await service.runWorkflow(wf, 's', { event: { alerts: [], rule: { id: 'given' } } }, request, 'alert');
    expect(runs[1]).toMatchObject({ triggeredBy: 'alert', inputs: { event: { alerts: [], rule: { id: 'given' } } } });
  });

  it('rejects invalid, disabled, bad-input and missing-alert runs with 400s', async () => {
    const { service, request } = setup();
    const invalid = await service.createWorkflow({ yaml: 'nope' }, 's', request);
    await expect(service.runWorkflow(invalid, 's', {}, request)).rejects.toMatchObject({ statusCode: 400, message: 'Workflow is not valid.' });
    const disabled = await service.createWorkflow({ yaml: `${VALID}\nenabled: false` }, 's', request);
    await expect(service.runWorkflow(disabled, 's', {}, request)).rejects.toMatchObject({ message: 'Workflow is disabled. Enable it to run it.' });
    const ok = await service.createWorkflow({ yaml: VALID }, 's', request);
    await expect(service.runWorkflow(ok, 's', { n: 'x' }, request)).rejects.toMatchObject({ statusCode: 400, diagnostics: [expect.objectContaining({ code: 'invalid-input' })] });
    await expect(service.runWorkflow(ok, 's', { event: { triggerType: 'alert', alertIds: [{ _id: 'missing', _index: '.alerts-security.alerts-s' }] } }, request)).rejects.toThrow(
      'Alerts not found in space [s]: missing (.alerts-security.alerts-s)',
    );
  });

  it('updates with field edits, refuses enabling invalid YAML, soft deletes and keeps the id taken', async () => {
    const { service, request } = setup();
    const wf = await service.createWorkflow({ yaml: VALID, id: 'fixed' }, 's', request);
    const off = await service.updateWorkflow('fixed', { enabled: false }, 's', request);
    expect(off.yaml).toBe('name: ok\nenabled: false\n');
    expect(off.enabled).toBe(false);
    await expect(service.updateWorkflow('fixed', { yaml: 'broken', enabled: true }, 's', request)).rejects.toMatchObject({ statusCode: 400 });
    await expect(service.updateWorkflow('fixed', { name: 'x', revision: wf.revision }, 's', request)).rejects.toMatchObject({ statusCode: 409 });
    expect(await service.deleteWorkflows(['fixed', 'fixed'], 's', request)).toEqual({ deleted: 1 });
    await expect(service.updateWorkflow('fixed', { name: 'x' }, 's', request)).rejects.toMatchObject({ statusCode: 404 });
    await expect(service.createWorkflow({ yaml: VALID, id: 'fixed' }, 's', request)).rejects.toBeInstanceOf(WorkflowsManagementError);
    expect(await service.getWorkflow('fixed', 's', { includeDeleted: true })).toMatchObject({ deletedAt: '2024-01-01T00:00:00.000Z', lastUpdatedBy: 'system' });
  });

  it('test runs: test-workflow id, isTestRun, step lookup through branches and fallbacks', async () => {
    const { service, runs, request } = setup();
    await service.testWorkflow({ workflowYaml: VALID }, 's', request);
    expect(runs[0]).toMatchObject({ isTestRun: true, workflow: { id: 'test-workflow' } });
    await service.testStep({ workflowYaml: VALID, stepId: 'fb', workflowId: 'w', contextOverride: { inputs: { n: 5 } } }, 's', request);
    expect(runs[1]).toMatchObject({ isTestRun: true, stepId: 'fb', inputs: { n: 5 }, workflow: { id: 'w' } });
    await expect(service.testWorkflow({ workflowYaml: 'broken' }, 's', request)).rejects.toMatchObject({ statusCode: 400, diagnostics: [expect.objectContaining({ code: 'schema' })] });
  });

  it('the deferred API waits for the service', async () => {
    const { service, request } = setup();
    let resolve: (s: typeof service) => void = () => undefined;
    const api = createDeferredManagementApi(() => new Promise((r) => (resolve = r)));
    const pending = api.createWorkflow({ yaml: VALID, id: 'later' }, 's', request);
    resolve(service);
    expect((await pending).id).toBe('later');
  });
});

describe('findStep', () => {
  it('finds steps in if branches, loop bodies and fallbacks', () => {
    const definition = {
      steps: [
        { name: 'a', type: 'if', condition: 'x', steps: [{ name: 'b', type: 'console' }], else: [{ name: 'c', type: 'foreach', foreach: '[]', steps: [{ name: 'd', type: 'console' }] }] },
        { name: 'e', type: 'http', 'on-failure': { fallback: [{ name: 'f', type: 'console' }] } },
      ],
    };
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => findStep(definition, n)?.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(findStep(definition, 'z')).toBeUndefined();
  });
});
