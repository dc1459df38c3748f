import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { KibanaRequest, Logger } from '../../../../core/server';
import type { WorkflowDefinition, WorkflowValidationResult } from '../../../../packages/workflows/definition';
import type { TriggeredBy, WorkflowsExecutionEngineStart } from '../../../workflows_execution_engine/server/contract';
import { alertTriggerEvent, type SearchAlertsBody, type SearchAlertsResponse, type WorkflowConnector } from '../../common/api';
import { LIMITS, WORKFLOW_MESSAGES } from '../../common/constants';
import { createWorkflowAlertsClient } from '../alerts';
import type { WorkflowDetail, WorkflowsManagementApi } from '../contract';
import { WorkflowsManagementError } from '../errors';
import { buildWorkflowDocument, toWorkflowDetail, toWorkflowListItem, WorkflowConflictError, type WorkflowsStore } from '../storage';
import type { WorkflowSpec } from '../validation';
import type { WorkflowValidator } from '../validation';
import { applyWorkflowFieldEdits, YamlFieldEditError } from '../yaml';
import { findStep } from './find_step';

/** The `management` contract plus what only the HTTP routes need (they pass the request through for identity). */
export interface WorkflowsManagementService extends WorkflowsManagementApi {
  cancelWorkflowExecutions(workflowId: string, spaceId: string, request: KibanaRequest): Promise<{ cancelled: number }>;
  listConnectors(spaceId: string): Promise<WorkflowConnector[]>;
  searchAlerts(body: SearchAlertsBody, spaceId: string, request: KibanaRequest): Promise<SearchAlertsResponse>;
}

/** The slice of the actions plugin's start contract used for connector lists. */
export interface ConnectorSource {
  listConnectors(spaceId: string): Promise<Array<{ id: string; name: string; actionTypeId: string }>>;
  getDefaultConnectorId(spaceId: string): Promise<string | undefined>;
}

export interface WorkflowsManagementServiceDeps {
  store: WorkflowsStore;
  validator: WorkflowValidator;
  spec: Pick<WorkflowSpec, 'prepareRunInputs'>;
  engine: WorkflowsExecutionEngineStart;
  connectors?: ConnectorSource;
  /** The user a request acts as (`system` for system requests without a user). */
  getUsername(request: KibanaRequest): string;
  /** Elasticsearch as the request's user (alert reads honour their access). */
  getScopedEsClient(request: KibanaRequest): Client;
  logger: Logger;
  now?: () => string;
  generateId?: () => string;
}

const notFound = (id: string, spaceId: string) => new WorkflowsManagementError(404, `Workflow [${id}] not found in space [${spaceId}]`);

export function createWorkflowsManagementService(deps: WorkflowsManagementServiceDeps): WorkflowsManagementService {
  const { store, validator, engine, logger } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const generateId = deps.generateId ?? (() => `workflow-${randomUUID()}`);

  /** §6.2: resolve `event` (alert ids → fetched alerts), then defaults + validation of the other keys. */
  const prepareInputs = async (definition: WorkflowDefinition, inputs: Record<string, unknown>, spaceId: string, request: KibanaRequest) => {
    const { event, ...rest } = inputs;
    let resolvedEvent: unknown = event;
    if (typeof event === 'object' && event !== null && (event as { triggerType?: unknown }).triggerType === 'alert') {
      const parsed = alertTriggerEvent.safeParse(event);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new WorkflowsManagementError(400, `Invalid alert event: [inputs.event.${issue?.path.join('.') ?? ''}]: ${issue?.message ?? 'invalid'}`);
      }
      const alerts = createWorkflowAlertsClient({ esClient: deps.getScopedEsClient(request), spaceId, logger });
      resolvedEvent = await alerts.buildAlertEvent(parsed.data.alertIds);
    }
    const prepared = deps.spec.prepareRunInputs(definition, rest);
    if (!prepared.valid) throw new WorkflowsManagementError(400, prepared.message, { diagnostics: prepared.diagnostics });
    return resolvedEvent === undefined ? prepared.inputs : { ...prepared.inputs, event: resolvedEvent };
  };

  const requireValid = (result: WorkflowValidationResult): WorkflowDefinition => {
    if (!result.valid || !result.definition) {
      throw new WorkflowsManagementError(400, WORKFLOW_MESSAGES.notValid, { diagnostics: result.diagnostics.filter((d) => d.severity === 'error') });
    }
    return result.definition;
  };

  const getStored = async (id: string, spaceId: string) => {
    const stored = await store.get(spaceId, id);
    if (!stored || stored.doc.deletedAt) throw notFound(id, spaceId);
    return stored;
  };

  const asConflict = (error: unknown): never => {
    if (error instanceof WorkflowConflictError) throw new WorkflowsManagementError(409, error.message);
    throw error;
  };

  return {
    async getWorkflow(id, spaceId, options = {}) {
      const stored = await store.get(spaceId, id);
      if (!stored || (stored.doc.deletedAt && !options.includeDeleted)) return undefined;
      return toWorkflowDetail(stored.doc, stored.revision);
    },

    async getWorkflows(params, spaceId) {
      const page = Math.max(1, Math.floor(params.page ?? 1));
      const size = Math.min(LIMITS.maxPageSize, Math.max(1, Math.floor(params.size ?? LIMITS.defaultPageSize)));
      const { workflows, total } = await store.find({ spaceId, page, size, query: params.query, enabled: params.enabled, tags: params.tags });
      const latest = workflows.length > 0 ? await engine.getLatestExecutions(spaceId, workflows.map((w) => w.doc.id)) : {};
      return { results: workflows.map((w) => toWorkflowListItem(w.doc, latest[w.doc.id], w.revision)), page, size, total };
    },

    async createWorkflow({ yaml, id }, spaceId, request) {
      const validation = await validator.validate(yaml, spaceId);
      const doc = buildWorkflowDocument({ id: id ?? generateId(), spaceId, yaml, validation, username: deps.getUsername(request), now: now() });
      const stored = await store.create(doc).catch(asConflict);
      logger.info('Created workflow', { id: doc.id, spaceId, valid: doc.valid });
      return toWorkflowDetail(stored.doc, stored.revision);
    },

    async updateWorkflow(id, update, spaceId, request) {
      const stored = await getStored(id, spaceId);
      if (update.revision !== undefined && update.revision !== stored.revision) {
        throw new WorkflowsManagementError(409, `Workflow [${id}] was changed since revision [${update.revision}]; reload it and try again`);
      }
      let yaml: string;
      try {
        yaml = applyWorkflowFieldEdits(update.yaml ?? stored.doc.yaml, {
          name: update.name,
          description: update.description,
          enabled: update.enabled,
          tags: update.tags,
        });
      } catch (error) {
        if (error instanceof YamlFieldEditError) throw new WorkflowsManagementError(400, error.message);
        throw error;
      }
      const validation = await validator.validate(yaml, spaceId);
      if (update.enabled === true && !validation.valid) {
        throw new WorkflowsManagementError(400, WORKFLOW_MESSAGES.cannotEnableInvalid, { diagnostics: validation.diagnostics.filter((d) => d.severity === 'error') });
      }
      const doc = buildWorkflowDocument({ id, spaceId, yaml, validation, username: deps.getUsername(request), now: now(), previous: stored.doc });
      const saved = await store.update(doc, stored.revision).catch(asConflict);
      return toWorkflowDetail(saved.doc, saved.revision);
    },

    async deleteWorkflows(ids, spaceId, request) {
      let deleted = 0;
      for (const id of new Set(ids)) {
        const stored = await store.get(spaceId, id);
        if (!stored || stored.doc.deletedAt) continue;
        const at = now();
        await store.update({ ...stored.doc, deletedAt: at, updatedAt: at, lastUpdatedBy: deps.getUsername(request) }, stored.revision).catch(asConflict);
        deleted += 1;
      }
      if (deleted > 0) logger.info('Deleted workflows', { ids, spaceId, deleted });
      return { deleted };
    },

    validateWorkflow: (yaml, spaceId = 'default') => validator.validate(yaml, spaceId),

    getWorkflowJsonSchema: (options) => validator.getJsonSchema(options),

    async runWorkflow(workflow, spaceId, inputs, request, triggeredBy: TriggeredBy = 'manual') {
      if (!workflow.valid || !workflow.definition) throw new WorkflowsManagementError(400, WORKFLOW_MESSAGES.notValid, { diagnostics: workflow.validationErrors ?? [] });
      if (!workflow.enabled) throw new WorkflowsManagementError(400, WORKFLOW_MESSAGES.disabled);
      const prepared = await prepareInputs(workflow.definition, inputs, spaceId, request);
      const { workflowExecutionId } = await engine.runWorkflow({
        workflow: { id: workflow.id, name: workflow.name, enabled: workflow.enabled, yaml: workflow.yaml, definition: workflow.definition },
        spaceId,
        inputs: prepared,
        request,
        triggeredBy,
      });
      return workflowExecutionId;
    },

    async testWorkflow({ workflowYaml, inputs = {}, workflowId }, spaceId, request) {
      const definition = requireValid(await validator.validate(workflowYaml, spaceId));
      const prepared = await prepareInputs(definition, inputs, spaceId, request);
      const { workflowExecutionId } = await engine.runWorkflow({
        workflow: { id: workflowId ?? 'test-workflow', name: definition.name, enabled: definition.enabled, yaml: workflowYaml, definition },
        spaceId,
        inputs: prepared,
        request,
        triggeredBy: 'manual',
        isTestRun: true,
      });
      return workflowExecutionId;
    },

    async testStep({ workflowYaml, stepId, workflowId, contextOverride }, spaceId, request) {
      const definition = requireValid(await validator.validate(workflowYaml, spaceId));
      if (!findStep(definition, stepId)) throw new WorkflowsManagementError(400, `Step [${stepId}] not found in the workflow.`);
      const overrideInputs = contextOverride?.inputs;
      const { workflowExecutionId } = await engine.runWorkflow({
        workflow: { id: workflowId ?? 'test-workflow', name: definition.name, enabled: definition.enabled, yaml: workflowYaml, definition },
        spaceId,
        inputs: typeof overrideInputs === 'object' && overrideInputs !== null ? (overrideInputs as Record<string, unknown>) : {},
        request,
        triggeredBy: 'manual',
        isTestRun: true,
        stepId,
        ...(contextOverride ? { contextOverride } : {}),
      });
      return workflowExecutionId;
    },

    getWorkflowExecution: (executionId, spaceId, options) => engine.getExecution(spaceId, executionId, options),

    getWorkflowExecutions: (params, spaceId) => engine.findExecutions({ ...params, spaceId }),

    getStepExecution: (executionId, stepExecutionId, spaceId) => engine.getStepExecution(spaceId, executionId, stepExecutionId),

    async getExecutionLogs(executionId, options, spaceId) {
      const execution = await engine.getExecution(spaceId, executionId, { includeInput: false, includeOutput: false });
      if (!execution) throw new WorkflowsManagementError(404, `Execution [${executionId}] not found in space [${spaceId}]`);
      return engine.getExecutionLogs(spaceId, executionId, {
        ...(options.stepExecutionId ? { stepExecutionId: options.stepExecutionId } : {}),
        page: options.page ?? 1,
        size: Math.min(LIMITS.maxLogsPageSize, options.size ?? LIMITS.defaultLogsPageSize),
        sortOrder: options.sortOrder ?? 'asc',
      });
    },

    async cancelWorkflowExecution(executionId, spaceId, request) {
      const result = await engine.cancelExecution(spaceId, executionId, deps.getUsername(request));
      if (!result) throw new WorkflowsManagementError(404, `Execution [${executionId}] not found in space [${spaceId}]`);
      return result;
    },

    async cancelWorkflowExecutions(workflowId, spaceId, request) {
      return engine.cancelWorkflowExecutions(spaceId, workflowId, deps.getUsername(request));
    },

    async listConnectors(spaceId) {
      if (!deps.connectors) return [];
      const [connectors, defaultId] = await Promise.all([deps.connectors.listConnectors(spaceId), deps.connectors.getDefaultConnectorId(spaceId)]);
      return connectors.map((c) => ({ id: c.id, name: c.name, actionTypeId: c.actionTypeId, isDefault: c.id === defaultId }));
    },

    searchAlerts(body, spaceId, request) {
      return createWorkflowAlertsClient({ esClient: deps.getScopedEsClient(request), spaceId, logger }).search(body);
    },
  };
}

export type { WorkflowDetail };
