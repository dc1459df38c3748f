import { randomUUID } from 'node:crypto';
import type { Logger } from '../../../core/server';
import type { ServerStepDefinition } from '../../workflows_extensions/common';
import { ConcurrencyGroups, type ConcurrencyPolicy } from './concurrency/concurrency_groups';
import { HostPool } from './concurrency/host_pool';
import type {
  ExecutionDetail,
  ExecutionListItem,
  ExecutionLogEntry,
  ExecutionStatus,
  ExecutionSummary,
  FindExecutionsParams,
  Paged,
  RunWorkflowParams,
  StepExecution,
  WorkflowsExecutionEngineStart,
} from './contract';
import { TERMINAL_EXECUTION_STATUSES } from './contract';
import { interruptedError, toExecutionError } from './errors';
import { PersistenceBuffer } from './persistence_buffer';
import type { RunHostServices, RunLogEvent } from './runner/workflow_runner';
import { WorkflowRunner } from './runner/workflow_runner';
import type { WorkflowTemplating } from './runner/templating';
import type { ExecutionDoc, ExecutionLogDoc, ExecutionPrincipal, StepExecutionDoc, WorkflowsStore } from './store/types';

const DEFAULT_QUEUE_TTL = '24h';

export interface ExecutionServiceDeps {
  store: WorkflowsStore;
  logger: Logger;
  /** Step registry (`workflowsExtensions` start contract). */
  getStepDefinition(type: string): ServerStepDefinition | undefined;
  /** Resolves once every step loader has settled. */
  stepsReady(): Promise<void>;
  createTemplating(execution: ExecutionDoc): WorkflowTemplating;
  /** Host services bound to an execution's principal and space (Kibana API in-process, scoped ES, fake request). */
  createHost(principal: ExecutionPrincipal | null, spaceId: string): RunHostServices;
  /** The run's identity from the starting request. */
  resolvePrincipal(request: RunWorkflowParams['request']): ExecutionPrincipal | null;
  redactInput(stepType: string, input: unknown): unknown;
  kibanaUrl: string;
  maxConcurrentRuns: number;
  maxStepOutputBytes: number;
  heartbeatIntervalMs: number;
  /** Write-behind interval for records and logs (default 1000 ms). */
  flushIntervalMs?: number;
  now?: () => Date;
  ownerId?: string;
}

/** Ceiling of the backoff between retries of a failed final write. */
const FINAL_WRITE_MAX_BACKOFF_MS = 10_000;

interface LiveExecution {
  doc: ExecutionDoc;
  runner?: WorkflowRunner;
  logs: ExecutionLogDoc[];
  logSequence: number;
  phase: 'pending' | 'queued' | 'running' | 'finishing';
  policy?: ConcurrencyPolicy;
  done: Promise<ExecutionStatus>;
  resolveDone(status: ExecutionStatus): void;
}

const isTerminal = (status: ExecutionStatus) => TERMINAL_EXECUTION_STATUSES.includes(status);

function principalName(principal: ExecutionPrincipal | null): string {
  return principal?.username ?? 'system';
}

/**
 * Admission (host pool and per-workflow concurrency), the run lifecycle, persistence and the read API of the
 * execution engine (§5). One instance per host process.
 */
export class ExecutionService implements WorkflowsExecutionEngineStart {
  private readonly live = new Map<string, LiveExecution>();
  /** Terminal statuses of recently finished runs, for `waitForCompletion` after the fact. */
  private readonly finished = new Map<string, ExecutionStatus>();
  private readonly pool: HostPool;
  private readonly groups = new ConcurrencyGroups();
  private readonly buffer: PersistenceBuffer;
  private readonly now: () => Date;
  readonly ownerId: string;
  private heartbeat: NodeJS.Timeout | undefined;
  private ready: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: ExecutionServiceDeps) {
    this.pool = new HostPool(deps.maxConcurrentRuns);
    this.buffer = new PersistenceBuffer({ store: deps.store, logger: deps.logger, intervalMs: deps.flushIntervalMs });
    this.now = deps.now ?? (() => new Date());
    this.ownerId = deps.ownerId ?? `kibana-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  /** Creates the indices, recovers what a previous process left behind (§5.6), then starts the heartbeat. */
  async start(): Promise<void> {
    this.ready = (async () => {
      await this.deps.store.init();
      await this.recover();
    })();
    await this.ready;
    this.heartbeat = setInterval(() => void this.beat(), this.deps.heartbeatIntervalMs);
    this.heartbeat.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.buffer.stop();
    // Running executions stay `running` in the index, as after a crash: the next start marks them interrupted
    // (§5.6). Their runners are aborted only to release timers; nothing they do is written any more.
    for (const live of this.live.values()) live.runner?.cancel();
  }

  // ---- restart recovery ------------------------------------------------------------------------------------

  private async recover(): Promise<void> {
    const store = this.deps.store;
    const interrupted = await store.findExecutionsByStatus(['running', 'waiting']);
    for (const doc of interrupted) {
      const error = interruptedError(doc.status);
      const finishedAt = this.now().toISOString();
      const steps = await store.getStepExecutions(doc.spaceId, doc.id);
      const open = steps.filter((step) => step.status === 'running' || step.status === 'waiting');
      if (open.length > 0) {
        await store.putStepExecutions(
          open.map((step) => ({
            ...step,
            status: 'failed' as const,
            error,
            finishedAt,
            executionTimeMs: Date.parse(finishedAt) - Date.parse(step.startedAt),
          })),
        );
      }
      await store.putLogs([
        this.logDoc(doc, 0, { level: 'error', message: `${error.type}: ${error.message}`, action: 'execution-interrupted', outcome: 'failure', error }),
      ]);
      await store.updateExecution(
        doc.id,
        {
          status: 'failed',
          error,
          finishedAt,
          duration: doc.startedAt ? Date.parse(finishedAt) - Date.parse(doc.startedAt) : undefined,
        },
        { refresh: true },
      );
      this.deps.logger.warn('Marked an interrupted workflow execution as failed', { id: doc.id, workflowId: doc.workflowId, status: doc.status });
    }
    const waiting = await store.findExecutionsByStatus(['pending', 'queued']);
    for (const doc of waiting) {
      this.deps.logger.info('Re-admitting a workflow execution after restart', { id: doc.id, workflowId: doc.workflowId, status: doc.status });
      await this.admit({ ...doc, status: 'pending', queuedAt: undefined }, false);
    }
  }

  private async beat(): Promise<void> {
    const at = this.now().toISOString();
    for (const live of this.live.values()) {
      if (live.phase !== 'running') continue;
      live.doc.ownerId = this.ownerId;
      live.doc.lastHeartbeatAt = at;
      await this.deps.store.updateExecution(live.doc.id, { ownerId: this.ownerId, lastHeartbeatAt: at }).catch((error: unknown) => {
        this.deps.logger.warn('Failed to write the execution heartbeat', { id: live.doc.id, error });
      });
    }
  }

  // ---- admission ---------------------------------------------------------------------------------------------

  async runWorkflow(params: RunWorkflowParams): Promise<{ workflowExecutionId: string; status: ExecutionStatus }> {
    await this.ready;
    if (this.stopped) throw new Error('The workflow execution engine is stopped');
    const principal = this.deps.resolvePrincipal(params.request);
    const doc: ExecutionDoc = {
      id: randomUUID(),
      spaceId: params.spaceId,
      workflowId: params.workflow.id,
      workflowName: params.workflow.name,
      workflowEnabled: params.workflow.enabled,
      status: 'pending',
      triggeredBy: params.triggeredBy ?? 'manual',
      executedBy: principalName(principal),
      principal,
      isTestRun: params.isTestRun ?? false,
      cancelRequested: false,
      createdAt: this.now().toISOString(),
      workflowDefinition: params.workflow.definition,
      yaml: params.workflow.yaml,
      context: { inputs: structuredClone(params.inputs), ...(params.contextOverride ? { contextOverride: structuredClone(params.contextOverride) } : {}) },
    };
    if (params.stepId) doc.stepId = params.stepId;
    const status = await this.admit(doc, true);
    return { workflowExecutionId: doc.id, status };
  }

  private concurrencyPolicy(doc: ExecutionDoc, templating: WorkflowTemplating): ConcurrencyPolicy | undefined {
    const settings = doc.workflowDefinition.settings?.concurrency;
    if (!settings || doc.isTestRun) return undefined;
    return {
      strategy: settings.strategy ?? 'queue',
      max: settings.max ?? 1,
      queueSize: settings['queue-size'] ?? (settings as { maxQueueSize?: number }).maxQueueSize ?? 100,
      queueTtlMs: templating.parseDuration(settings['queue-ttl'] ?? DEFAULT_QUEUE_TTL),
    };
  }

  private async concurrencyKey(doc: ExecutionDoc, templating: WorkflowTemplating): Promise<string> {
    const template = doc.workflowDefinition.settings?.concurrency?.key;
    if (template === undefined) return doc.workflowId;
    const { event, ...inputs } = doc.context.inputs;
    const rendered = await templating.render(template, {
      inputs,
      event,
      consts: doc.workflowDefinition.consts ?? {},
      workflow: { id: doc.workflowId, name: doc.workflowName, enabled: doc.workflowEnabled, spaceId: doc.spaceId },
      execution: { id: doc.id, isTestRun: doc.isTestRun, triggeredBy: doc.triggeredBy, executedBy: doc.executedBy },
    });
    const key = typeof rendered === 'string' ? rendered : JSON.stringify(rendered);
    return key === undefined || key === '' ? doc.workflowId : key;
  }

  /** Stores the execution document, then starts, queues or skips it. Returns the status at admission. */
  private async admit(doc: ExecutionDoc, isNew: boolean): Promise<ExecutionStatus> {
    let resolveDone: (status: ExecutionStatus) => void = () => undefined;
    const done = new Promise<ExecutionStatus>((resolve) => {
      resolveDone = resolve;
    });
    const live: LiveExecution = { doc, logs: [], logSequence: 0, phase: 'pending', done, resolveDone };
    const templating = this.deps.createTemplating(doc);
    let policy: ConcurrencyPolicy | undefined;
    try {
      policy = this.concurrencyPolicy(doc, templating);
      if (policy) doc.concurrencyKey = await this.concurrencyKey(doc, templating);
    } catch (error) {
      // A key that cannot be rendered fails the run, visibly, instead of bypassing the limit.
      doc.status = 'failed';
      doc.error = toExecutionError(error);
      doc.finishedAt = this.now().toISOString();
      await this.deps.store.putExecution(doc, { refresh: true });
      this.finished.set(doc.id, doc.status);
      resolveDone(doc.status);
      return doc.status;
    }
    live.policy = policy;

    const decision = policy && doc.concurrencyKey !== undefined ? this.groups.admit(doc.concurrencyKey, doc.id, policy, this.now().getTime()) : { decision: 'run' as const, cancel: [] };
    if (decision.decision === 'skipped') {
      doc.status = 'skipped';
      doc.finishedAt = this.now().toISOString();
      doc.error = { type: 'ConcurrencyLimitError', message: decision.reason };
      await (isNew ? this.deps.store.putExecution(doc, { refresh: true }) : this.deps.store.updateExecution(doc.id, doc, { refresh: true }));
      this.finished.set(doc.id, doc.status);
      resolveDone(doc.status);
      return doc.status;
    }
    this.live.set(doc.id, live);
    if (decision.decision === 'queued') {
      doc.status = 'queued';
      doc.queuedAt = this.now().toISOString();
      live.phase = 'queued';
    }
    await (isNew ? this.deps.store.putExecution(doc) : this.deps.store.updateExecution(doc.id, doc));
    const status = doc.status;
    if (decision.decision === 'run') {
      for (const id of decision.cancel) {
        const other = this.live.get(id);
        if (other) await this.cancelLive(other, 'system', 'Cancelled by a newer execution (cancel-in-progress)');
      }
      this.enterPool(live);
    }
    return status;
  }

  private enterPool(live: LiveExecution): void {
    live.phase = 'pending';
    if (live.doc.status === 'queued') live.doc.status = 'pending';
    this.pool.acquire(live.doc.id, () => {
      void this.execute(live);
    });
  }

  // ---- running -----------------------------------------------------------------------------------------------

  private async execute(live: LiveExecution): Promise<void> {
    const doc = live.doc;
    let released = false;
    // The slot is for running steps; the final writes happen outside it so persistence latency does not cap throughput.
    const releaseSlot = () => {
      if (released) return;
      released = true;
      this.pool.release();
    };
    try {
      live.phase = 'running';
      doc.status = 'running';
      doc.startedAt = this.now().toISOString();
      doc.ownerId = this.ownerId;
      doc.lastHeartbeatAt = doc.startedAt;
      await this.deps.store.updateExecution(doc.id, { status: 'running', startedAt: doc.startedAt, ownerId: doc.ownerId, lastHeartbeatAt: doc.lastHeartbeatAt });
      await this.deps.stepsReady();
      const runner = new WorkflowRunner({
        execution: doc,
        templating: this.deps.createTemplating(doc),
        getStepDefinition: (type) => this.deps.getStepDefinition(type),
        host: this.deps.createHost(doc.principal, doc.spaceId),
        kibanaUrl: this.deps.kibanaUrl,
        maxStepOutputBytes: this.deps.maxStepOutputBytes,
        redactInput: (type, input) => this.deps.redactInput(type, input),
        now: this.now,
        sink: {
          recordChanged: (record) => {
            if (!this.stopped) this.buffer.putRecord({ ...record, spaceId: doc.spaceId });
          },
          log: (event) => this.appendLog(live, event),
          statusChanged: (status) => {
            if (this.stopped || doc.status === status || isTerminal(doc.status)) return;
            doc.status = status;
            void this.deps.store.updateExecution(doc.id, { status }).catch((error: unknown) => this.deps.logger.warn('Failed to write execution status', { id: doc.id, error }));
          },
        },
      });
      live.runner = runner;
      if (doc.cancelRequested) runner.cancel();
      this.appendLog(live, { level: 'info', message: `Workflow execution started`, action: 'execution-start' });
      const outcome = await runner.run();
      // The run ended when its steps did: stamp that before the slot goes to the next run, not after the final writes.
      const endedAt = this.now();
      releaseSlot();
      await this.finish(live, outcome.status, outcome.error, endedAt);
    } catch (error) {
      const endedAt = this.now();
      releaseSlot();
      await this.finish(live, 'failed', toExecutionError(error), endedAt);
    } finally {
      releaseSlot();
    }
  }

  private appendLog(live: LiveExecution, event: RunLogEvent): void {
    if (this.stopped) return;
    const doc = this.logDoc(live.doc, live.logSequence++, event);
    live.logs.push(doc);
    this.buffer.putLog(doc);
  }

  private logDoc(execution: ExecutionDoc, sequence: number, event: RunLogEvent): ExecutionLogDoc {
    const record = event.step?.record;
    const doc: ExecutionLogDoc = {
      id: randomUUID(),
      '@timestamp': this.now().toISOString(),
      sequence,
      level: event.level,
      message: event.message,
      spaceId: execution.spaceId,
      workflow: {
        id: execution.workflowId,
        name: execution.workflowName,
        execution_id: execution.id,
        ...(record ? { step_id: record.stepId, step_execution_id: record.id, step_name: record.stepId, step_type: record.stepType } : {}),
      },
    };
    if (event.action || event.outcome || event.duration !== undefined) {
      doc.event = { ...(event.action ? { action: event.action } : {}), ...(event.outcome ? { outcome: event.outcome } : {}), ...(event.duration !== undefined ? { duration: event.duration } : {}) };
    }
    if (event.error) doc.error = { type: event.error.type, message: event.error.message };
    if (event.additionalData) doc.additionalData = event.additionalData;
    return doc;
  }

  /** Terminal write: records and logs first (searchable), then the execution document with `wait_for`. */
  private async finish(live: LiveExecution, status: ExecutionStatus, error?: { type: string; message: string; details?: unknown }, endedAt?: Date): Promise<void> {
    const doc = live.doc;
    if (live.phase === 'finishing') return;
    if (this.stopped) {
      live.resolveDone(doc.status);
      return;
    }
    live.phase = 'finishing';
    const finishedAt = endedAt ?? this.now();
    doc.status = status;
    doc.finishedAt = finishedAt.toISOString();
    if (doc.startedAt) doc.duration = finishedAt.getTime() - Date.parse(doc.startedAt);
    if (error && status !== 'completed') doc.error = error;
    this.appendLog(live, {
      level: status === 'completed' ? 'info' : status === 'cancelled' ? 'warn' : 'error',
      message: `Workflow execution ${status}${error && status !== 'completed' ? `: ${error.message}` : ''}`,
      action: 'execution-end',
      outcome: status === 'completed' ? 'success' : 'failure',
      duration: doc.duration,
      error: status === 'completed' ? undefined : error,
    });
    // Like the host-pool slot, the concurrency slot is for running steps: the next queued run of the key starts while
    // this one's final state is written (its `wait_for` would otherwise hold the slot for up to a refresh interval).
    if (live.policy && doc.concurrencyKey !== undefined) this.releaseKey(doc.concurrencyKey, doc.id, live.policy);
    const finalFields = (): Partial<ExecutionDoc> => ({
      status: doc.status,
      finishedAt: doc.finishedAt,
      duration: doc.duration,
      error: doc.error,
      cancelRequested: doc.cancelRequested,
      cancelledAt: doc.cancelledAt,
      cancelledBy: doc.cancelledBy,
      cancellationReason: doc.cancellationReason,
    });
    try {
      // Reads keep coming from memory until all three are written, so they can go out together.
      await Promise.all([this.buffer.flushExecution(doc.id), this.deps.store.updateExecution(doc.id, finalFields(), { refresh: true })]);
    } catch (writeError) {
      this.deps.logger.error('Failed to write the final state of a workflow execution; retrying until Elasticsearch takes it', { id: doc.id, error: writeError });
      this.remember(doc.id, status);
      live.resolveDone(status);
      // Without this the index keeps the run `running` (its records half-written) until the next host restart.
      void this.rewriteFinal(live, finalFields);
      return;
    }
    this.live.delete(doc.id);
    this.remember(doc.id, status);
    live.resolveDone(status);
  }

  /**
   * Retries a failed final write (a cluster outage) with backoff: every record and log of the run (indexed by id, so
   * idempotent), then the execution document. The run stays readable from memory meanwhile; a host stop gives up,
   * and the next start's recovery marks it interrupted.
   */
  private async rewriteFinal(live: LiveExecution, finalFields: () => Partial<ExecutionDoc>): Promise<void> {
    const doc = live.doc;
    for (let attempt = 0; !this.stopped; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(FINAL_WRITE_MAX_BACKOFF_MS, 250 * 2 ** attempt)).unref());
      if (this.stopped) return;
      try {
        const records = (live.runner?.stepExecutions ?? []).map((step) => ({ ...step, spaceId: doc.spaceId }));
        await Promise.all([
          records.length > 0 ? this.deps.store.putStepExecutions(records, { refresh: true }) : undefined,
          live.logs.length > 0 ? this.deps.store.putLogs(live.logs, { refresh: true }) : undefined,
        ]);
        await this.deps.store.updateExecution(doc.id, finalFields(), { refresh: true });
        this.live.delete(doc.id);
        this.deps.logger.info('Wrote the final state of a workflow execution after a failed write', { id: doc.id, status: doc.status, attempts: attempt + 2 });
        return;
      } catch (error) {
        this.deps.logger.warn('Retrying the final write of a workflow execution', { id: doc.id, attempt: attempt + 2, error: String(error) });
      }
    }
  }

  private remember(id: string, status: ExecutionStatus): void {
    this.finished.set(id, status);
    if (this.finished.size > 10_000) {
      const oldest = this.finished.keys().next();
      if (!oldest.done) this.finished.delete(oldest.value);
    }
  }

  private releaseKey(key: string, id: string, policy: ConcurrencyPolicy): void {
    const { start, expired } = this.groups.release(key, id, policy.max, this.now().getTime());
    for (const expiredId of expired) {
      const queued = this.live.get(expiredId);
      if (queued) void this.finishWithoutRun(queued, 'skipped', { type: 'ConcurrencyLimitError', message: `Skipped: queued longer than the queue-ttl of concurrency key "${key}".` });
    }
    for (const nextId of start) {
      const queued = this.live.get(nextId);
      if (queued) this.enterPool(queued);
    }
  }

  /** A pending or queued execution that ends without running (cancelled, expired). */
  private async finishWithoutRun(live: LiveExecution, status: ExecutionStatus, error: { type: string; message: string }): Promise<void> {
    live.phase = 'finishing';
    const doc = live.doc;
    doc.status = status;
    doc.finishedAt = this.now().toISOString();
    doc.error = error;
    this.live.delete(doc.id);
    try {
      await this.deps.store.updateExecution(doc.id, { ...doc }, { refresh: true });
    } catch (writeError) {
      this.deps.logger.error('Failed to write the final state of a workflow execution', { id: doc.id, error: writeError });
    }
    this.remember(doc.id, status);
    live.resolveDone(status);
  }

  // ---- cancel ------------------------------------------------------------------------------------------------

  private async cancelLive(live: LiveExecution, cancelledBy: string, reason: string): Promise<void> {
    const doc = live.doc;
    if (doc.cancelRequested || live.phase === 'finishing') return;
    doc.cancelRequested = true;
    doc.cancelledAt = this.now().toISOString();
    doc.cancelledBy = cancelledBy;
    doc.cancellationReason = reason;
    const error = { type: 'CancelledError', message: reason };
    if (live.phase === 'queued') {
      if (doc.concurrencyKey !== undefined) this.groups.removeQueued(doc.concurrencyKey, doc.id);
      await this.finishWithoutRun(live, 'cancelled', error);
      return;
    }
    if (live.phase === 'pending' && this.pool.remove(doc.id)) {
      await this.finishWithoutRun(live, 'cancelled', error);
      if (live.policy && doc.concurrencyKey !== undefined) this.releaseKey(doc.concurrencyKey, doc.id, live.policy);
      return;
    }
    await this.deps.store
      .updateExecution(doc.id, { cancelRequested: true, cancelledAt: doc.cancelledAt, cancelledBy, cancellationReason: reason })
      .catch((writeError: unknown) => this.deps.logger.warn('Failed to write the cancel request', { id: doc.id, error: writeError }));
    // Before its runner exists the flag is picked up in execute().
    live.runner?.cancel();
  }

  async cancelExecution(spaceId: string, executionId: string, cancelledBy: string): Promise<{ id: string; status: ExecutionStatus; cancelRequested: boolean } | undefined> {
    const live = this.live.get(executionId);
    if (live && live.doc.spaceId === spaceId) {
      await this.cancelLive(live, cancelledBy, `Cancelled by ${cancelledBy}`);
      return { id: executionId, status: live.doc.status, cancelRequested: live.doc.cancelRequested };
    }
    const doc = await this.deps.store.getExecution(spaceId, executionId);
    if (!doc) return undefined;
    if (!isTerminal(doc.status)) {
      // Not live in this process (single-host v1): nothing runs it, so the cancel completes at once.
      const cancelledAt = this.now().toISOString();
      await this.deps.store.updateExecution(
        doc.id,
        { status: 'cancelled', cancelRequested: true, cancelledAt, cancelledBy, cancellationReason: `Cancelled by ${cancelledBy}`, finishedAt: cancelledAt },
        { refresh: true },
      );
      return { id: doc.id, status: 'cancelled', cancelRequested: true };
    }
    return { id: doc.id, status: doc.status, cancelRequested: doc.cancelRequested };
  }

  async cancelWorkflowExecutions(spaceId: string, workflowId: string, cancelledBy: string): Promise<{ cancelled: number }> {
    let cancelled = 0;
    for (const live of [...this.live.values()]) {
      if (live.doc.spaceId !== spaceId || live.doc.workflowId !== workflowId || live.doc.cancelRequested || live.phase === 'finishing') continue;
      await this.cancelLive(live, cancelledBy, `Cancelled by ${cancelledBy}`);
      cancelled++;
    }
    return { cancelled };
  }

  async waitForCompletion(executionId: string, timeoutMs = 60_000): Promise<ExecutionStatus> {
    const live = this.live.get(executionId);
    if (!live) {
      const status = this.finished.get(executionId);
      if (status) return status;
      throw new Error(`Execution ${executionId} is not known to this host`);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Execution ${executionId} did not finish within ${timeoutMs}ms`)), timeoutMs);
    });
    try {
      return await Promise.race([live.done, timeout]);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  // ---- reads -------------------------------------------------------------------------------------------------

  private listItem(doc: ExecutionDoc): ExecutionListItem {
    const item: ExecutionListItem = {
      id: doc.id,
      status: doc.status,
      isTestRun: doc.isTestRun,
      triggeredBy: doc.triggeredBy,
      workflowId: doc.workflowId,
      executedBy: doc.executedBy,
    };
    if (doc.startedAt) item.startedAt = doc.startedAt;
    if (doc.finishedAt) item.finishedAt = doc.finishedAt;
    if (doc.duration !== undefined) item.duration = doc.duration;
    if (doc.error) item.error = doc.error;
    return item;
  }

  private summary(doc: ExecutionDoc): ExecutionSummary {
    const { id, status, isTestRun, triggeredBy, startedAt, finishedAt, duration } = this.listItem(doc);
    return { id, status, isTestRun, triggeredBy, ...(startedAt ? { startedAt } : {}), ...(finishedAt ? { finishedAt } : {}), ...(duration !== undefined ? { duration } : {}) };
  }

  async getExecution(spaceId: string, executionId: string, options: { includeInput?: boolean; includeOutput?: boolean } = {}): Promise<ExecutionDetail | undefined> {
    const live = this.live.get(executionId);
    let doc: ExecutionDoc | undefined;
    let steps: StepExecution[];
    if (live && live.doc.spaceId === spaceId) {
      doc = live.doc;
      steps = (live.runner?.stepExecutions ?? []).map((step) => structuredClone(step));
    } else {
      doc = await this.deps.store.getExecution(spaceId, executionId);
      if (!doc) return undefined;
      steps = (await this.deps.store.getStepExecutions(spaceId, executionId)).map(({ spaceId: _space, ...step }) => step);
    }
    const includeInput = options.includeInput ?? true;
    const includeOutput = options.includeOutput ?? true;
    const stepExecutions = steps
      .sort((a, b) => a.globalExecutionIndex - b.globalExecutionIndex)
      .map((step) => {
        const out = { ...step };
        if (!includeInput) delete out.input;
        if (!includeOutput) delete out.output;
        return out;
      });
    const detail: ExecutionDetail = {
      ...this.listItem(doc),
      spaceId: doc.spaceId,
      workflowName: doc.workflowName,
      workflowDefinition: doc.workflowDefinition,
      yaml: doc.yaml,
      context: structuredClone(doc.context) as Record<string, unknown>,
      cancelRequested: doc.cancelRequested,
      stepExecutions,
    };
    if (doc.stepId) detail.stepId = doc.stepId;
    return detail;
  }

  async getStepExecution(spaceId: string, executionId: string, stepExecutionId: string): Promise<StepExecution | undefined> {
    const live = this.live.get(executionId);
    if (live && live.doc.spaceId === spaceId) {
      const step = live.runner?.stepExecutions.find((record) => record.id === stepExecutionId);
      return step ? structuredClone(step) : undefined;
    }
    const doc = await this.deps.store.getStepExecution(spaceId, executionId, stepExecutionId);
    if (!doc) return undefined;
    const { spaceId: _space, ...step } = doc;
    return step;
  }

  async findExecutions(params: FindExecutionsParams): Promise<Paged<ExecutionListItem>> {
    const types = params.executionTypes;
    const isTestRun = types && types.length === 1 ? types[0] === 'test' : undefined;
    const liveMatching = [...this.live.values()]
      .map((live) => live.doc)
      .filter(
        (doc) =>
          doc.spaceId === params.spaceId &&
          doc.workflowId === params.workflowId &&
          (params.statuses === undefined || params.statuses.includes(doc.status)) &&
          (isTestRun === undefined || doc.isTestRun === isTestRun),
      );
    const from = (params.page - 1) * params.size;
    const stored = await this.deps.store.findExecutions({
      spaceId: params.spaceId,
      workflowId: params.workflowId,
      statuses: params.statuses,
      isTestRun,
      excludeIds: [...this.live.keys()],
      from: 0,
      size: from + params.size,
    });
    const merged = [...liveMatching, ...stored.docs].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return {
      results: merged.slice(from, from + params.size).map((doc) => this.listItem(doc)),
      page: params.page,
      size: params.size,
      total: stored.total + liveMatching.length,
    };
  }

  async getLatestExecutions(spaceId: string, workflowIds: string[]): Promise<Record<string, ExecutionSummary>> {
    const latest = await this.deps.store.getLatestExecutions(spaceId, workflowIds);
    for (const live of this.live.values()) {
      const doc = live.doc;
      if (doc.spaceId !== spaceId || !workflowIds.includes(doc.workflowId)) continue;
      const seen = latest[doc.workflowId];
      if (!seen || seen.id === doc.id || seen.createdAt <= doc.createdAt) latest[doc.workflowId] = doc;
    }
    return Object.fromEntries(Object.entries(latest).map(([id, doc]) => [id, this.summary(doc)]));
  }

  async getExecutionLogs(
    spaceId: string,
    executionId: string,
    options: { stepExecutionId?: string; page: number; size: number; sortOrder: 'asc' | 'desc' },
  ): Promise<{ logs: ExecutionLogEntry[]; total: number; page: number; size: number }> {
    const from = (options.page - 1) * options.size;
    const live = this.live.get(executionId);
    let docs: ExecutionLogDoc[];
    let total: number;
    if (live && live.doc.spaceId === spaceId) {
      const matching = live.logs.filter((log) => options.stepExecutionId === undefined || log.workflow.step_execution_id === options.stepExecutionId);
      if (options.sortOrder === 'desc') matching.reverse();
      docs = matching.slice(from, from + options.size);
      total = matching.length;
    } else {
      const found = await this.deps.store.findLogs(spaceId, executionId, { stepExecutionId: options.stepExecutionId, from, size: options.size, sortOrder: options.sortOrder });
      docs = found.docs;
      total = found.total;
    }
    return {
      logs: docs.map((doc) => {
        const entry: ExecutionLogEntry = { id: doc.id, timestamp: doc['@timestamp'], level: doc.level, message: doc.message };
        if (doc.workflow.step_id) entry.stepId = doc.workflow.step_id;
        if (doc.workflow.step_name) entry.stepName = doc.workflow.step_name;
        if (doc.workflow.step_execution_id) entry.stepExecutionId = doc.workflow.step_execution_id;
        const additional: Record<string, unknown> = { ...(doc.additionalData ?? {}) };
        if (doc.event) additional.event = doc.event;
        if (doc.error) additional.error = doc.error;
        if (Object.keys(additional).length > 0) entry.additionalData = additional;
        return entry;
      }),
      total,
      page: options.page,
      size: options.size,
    };
  }

  /** Test and bench hook: the number of live executions and pool occupancy. */
  stats(): { live: number; running: number; pending: number } {
    return { live: this.live.size, running: this.pool.activeCount, pending: this.pool.pendingCount };
  }

  /** Internal: the step records a live run holds (tests). */
  liveStepExecutions(executionId: string): readonly StepExecutionDoc[] | undefined {
    const live = this.live.get(executionId);
    return live?.runner?.stepExecutions.map((step) => ({ ...step, spaceId: live.doc.spaceId }));
  }
}
