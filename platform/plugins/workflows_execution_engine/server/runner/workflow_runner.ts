import type { z } from 'zod/v4';
import type { ForeachStep, IfStep, OnFailurePolicy, WorkflowDefinition } from '../../../../packages/workflows/definition';
import type {
  CallKibanaApiRequest,
  ServerStepDefinition,
  StepContextManager,
  StepHandlerContext,
  StepHandlerResult,
  StepLogger,
  WorkflowContext,
} from '../../../workflows_extensions/common';
import type { Client } from '@elastic/elasticsearch';
import type { KibanaRequest } from '../../../../core/server';
import type { ExecutionError, ExecutionLogEntry, ExecutionStatus, StepExecution } from '../contract';
import { RunAbort, StepFailure, WorkflowStepError, WORKFLOW_TIMEOUT_ERROR, CANCELLED_ERROR, timeoutError, toExecutionError, toPlainJson } from '../errors';
import type { ExecutionDoc } from '../store/types';
import { childController, raceAbort, sleep } from './abort';
import { compileWorkflow, foreachLimitOf, isForeachStep, isIfStep } from './compile';
import type { CompiledStep, CompiledWorkflow } from './compile';
import { evaluateCondition, resolveForeachItems } from './flow_control';
import { lazyDeepCopy } from './lazy_copy';
import { stepExecutionId } from './record_ids';
import type { ScopeFrame } from './record_ids';
import { retryDelayMs } from './retry_delay';
import type { WorkflowTemplating } from './templating';

/** A `wait` or retry delay longer than this shows the step and the execution as `waiting` (§5.2). */
export const WAITING_THRESHOLD_MS = 5_000;

/** The host services a run acts through, already bound to the execution's principal and space. */
export interface RunHostServices {
  callKibanaApi<T = unknown>(request: CallKibanaApiRequest): Promise<T>;
  getScopedEsClient(): Client;
  getFakeRequest(): KibanaRequest;
}

export interface RunLogEvent {
  level: ExecutionLogEntry['level'];
  message: string;
  step?: { record: StepExecution };
  action?: string;
  outcome?: 'success' | 'failure';
  duration?: number;
  error?: ExecutionError;
  additionalData?: Record<string, unknown>;
}

/** Where a run reports what happens; the execution service persists it (coalesced) and serves live reads. */
export interface RunSink {
  recordChanged(record: StepExecution): void;
  log(event: RunLogEvent): void;
  statusChanged(status: 'running' | 'waiting'): void;
}

export interface WorkflowRunnerDeps {
  execution: ExecutionDoc;
  templating: WorkflowTemplating;
  getStepDefinition(type: string): ServerStepDefinition | undefined;
  host: RunHostServices;
  kibanaUrl: string;
  /** `workflows.maxStepOutputSize` in bytes. */
  maxStepOutputBytes: number;
  sink: RunSink;
  /** Copy of a rendered input with secrets masked, for the stored record (§2.3). */
  redactInput(stepType: string, input: unknown): unknown;
  now?: () => Date;
  random?: () => number;
}

export interface RunOutcome {
  status: Extract<ExecutionStatus, 'completed' | 'failed' | 'cancelled' | 'timed_out'>;
  error?: ExecutionError;
}

interface Scope {
  frames: readonly ScopeFrame[];
  foreach: ReadonlyArray<{ item: unknown; index: number; items: unknown[]; total: number }>;
  error?: ExecutionError;
  signal: AbortSignal;
}

type StepView = { input?: unknown; output?: unknown; error?: unknown; [state: string]: unknown };

const STEP_EXECUTION_URL_SUFFIX = (workflowId: string, executionId: string) =>
  `/app/workflows/${encodeURIComponent(workflowId)}?tab=executions&executionId=${encodeURIComponent(executionId)}`;

function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((p) => String(p)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Runs one execution by interpreting the compiled step tree. The interpreter honours the node-graph semantics of
 * §5.1 exactly: wrappers nest on-failure (continue ⊃ fallback ⊃ retry) ⊃ if ⊃ foreach ⊃ timeout ⊃ step; scope
 * frames and record ids are those the graph would produce; cancel and the workflow deadline are checked between
 * steps and abort the running one. It does not persist a resumable node pointer (resume is a stretch, §5.6).
 */
export class WorkflowRunner {
  private readonly compiled: CompiledWorkflow;
  private readonly definition: WorkflowDefinition;
  private readonly root = new AbortController();
  private readonly latest = new Map<string, StepView>();
  private readonly overrideSteps: Record<string, StepView> = {};
  private variables: Record<string, unknown> = {};
  private readonly stepStarts = new Map<string, number>();
  private globalIndex = 0;
  private readonly records: StepExecution[] = [];
  private readonly now: () => Date;
  private readonly baseContext: Record<string, unknown>;
  private waitingCount = 0;

  constructor(private readonly deps: WorkflowRunnerDeps) {
    this.definition = deps.execution.workflowDefinition;
    this.compiled = compileWorkflow(this.definition);
    this.now = deps.now ?? (() => new Date());
    this.baseContext = this.createBaseContext();
  }

  /** Every record started so far, in start order (live reads). */
  get stepExecutions(): readonly StepExecution[] {
    return this.records;
  }

  cancel(): void {
    if (!this.root.signal.aborted) this.root.abort(new RunAbort('cancel'));
  }

  async run(): Promise<RunOutcome> {
    const execution = this.deps.execution;
    const timeout = this.definition.settings?.timeout;
    let deadline: NodeJS.Timeout | undefined;
    try {
      if (timeout) {
        const ms = this.deps.templating.parseDuration(timeout);
        const started = execution.startedAt ? Date.parse(execution.startedAt) : this.now().getTime();
        const remaining = Math.max(0, started + ms - this.now().getTime());
        deadline = setTimeout(() => {
          if (!this.root.signal.aborted) this.root.abort(new RunAbort('timeout'));
        }, remaining);
      }
      const scope = this.rootScope();
      if (execution.stepId) {
        const target = this.compiled.byName.get(execution.stepId);
        if (!target) throw new StepFailure({ type: 'StepNotFoundError', message: `Step "${execution.stepId}" not found in the workflow.` });
        await this.runList([target], scope);
      } else {
        await this.runList(this.compiled.steps, scope);
      }
      return { status: 'completed' };
    } catch (error) {
      if (error instanceof RunAbort) {
        return error.kind === 'cancel' ? { status: 'cancelled', error: CANCELLED_ERROR } : { status: 'timed_out', error: WORKFLOW_TIMEOUT_ERROR };
      }
      if (error instanceof StepFailure) return { status: 'failed', error: error.error };
      return { status: 'failed', error: toExecutionError(error) };
    } finally {
      if (deadline) clearTimeout(deadline);
    }
  }

  // ---- context ---------------------------------------------------------------------------------------------

  private createBaseContext(): Record<string, unknown> {
    const execution = this.deps.execution;
    const override = asRecord(execution.context.contextOverride) ?? {};
    const { event, ...inputs } = execution.context.inputs;
    const spacePrefix = execution.spaceId === 'default' ? '' : `/s/${execution.spaceId}`;
    const base: Record<string, unknown> = {
      inputs,
      consts: this.definition.consts ?? {},
      execution: {
        id: execution.id,
        isTestRun: execution.isTestRun,
        startedAt: execution.startedAt ?? execution.createdAt,
        url: `${this.deps.kibanaUrl}${spacePrefix}${STEP_EXECUTION_URL_SUFFIX(execution.workflowId, execution.id)}`,
        executedBy: execution.executedBy,
        triggeredBy: execution.triggeredBy,
      },
      workflow: { id: execution.workflowId, name: execution.workflowName, enabled: execution.workflowEnabled, spaceId: execution.spaceId },
      kibanaUrl: this.deps.kibanaUrl,
    };
    if (event !== undefined) base.event = event;
    // Step tests (§6 step/test): the caller's context replaces the matching parts.
    for (const key of ['inputs', 'event', 'consts'] as const) {
      if (override[key] !== undefined) base[key] = toPlainJson(override[key]);
    }
    for (const key of ['execution', 'workflow'] as const) {
      const part = asRecord(override[key]);
      if (part) base[key] = { ...(base[key] as Record<string, unknown>), ...(toPlainJson(part) as Record<string, unknown>) };
    }
    const variables = asRecord(override.variables);
    if (variables) this.variables = toPlainJson(variables) as Record<string, unknown>;
    const steps = asRecord(override.steps);
    if (steps) {
      for (const [name, view] of Object.entries(steps)) this.overrideSteps[name] = (toPlainJson(view) as StepView | undefined) ?? {};
    }
    return toPlainJson(base) as Record<string, unknown>;
  }

  private rootScope(): Scope {
    const override = asRecord(this.deps.execution.context.contextOverride);
    const foreach = asRecord(override?.foreach);
    const error = asRecord(override?.error);
    return {
      frames: [],
      foreach: foreach
        ? [
            {
              item: foreach.item,
              index: typeof foreach.index === 'number' ? foreach.index : 0,
              items: Array.isArray(foreach.items) ? foreach.items : [],
              total: typeof foreach.total === 'number' ? foreach.total : Array.isArray(foreach.items) ? foreach.items.length : 0,
            },
          ]
        : [],
      error: error ? toExecutionError(error) : undefined,
      signal: this.root.signal,
    };
  }

  /**
   * The template context of a step (§3.4): only preceding steps are readable. Built from plain-JSON pieces that
   * nothing mutates; handlers get a deep copy through `getContext()`.
   */
  private contextFor(step: CompiledStep | undefined, scope: Scope): Record<string, unknown> {
    const steps: Record<string, StepView> = { ...this.overrideSteps };
    if (step) {
      for (const name of step.visible) {
        const view = this.latest.get(name);
        if (view) steps[name] = view;
      }
    }
    const context: Record<string, unknown> = { ...this.baseContext, now: this.now().toISOString(), steps, variables: this.variables };
    const innermost = scope.foreach[scope.foreach.length - 1];
    if (innermost) context.foreach = innermost;
    if (scope.error) context.error = scope.error;
    return context;
  }

  // ---- records and logs ------------------------------------------------------------------------------------

  private startRecord(
    stepId: string,
    stepType: string,
    topologicalIndex: number,
    frames: readonly ScopeFrame[],
    input?: unknown,
    status: ExecutionStatus = 'running',
  ): StepExecution {
    const count = this.stepStarts.get(stepId) ?? 0;
    this.stepStarts.set(stepId, count + 1);
    const execution = this.deps.execution;
    const record: StepExecution = {
      id: stepExecutionId(execution.id, frames, stepId),
      workflowRunId: execution.id,
      workflowId: execution.workflowId,
      stepId,
      stepType,
      status,
      isTestRun: execution.isTestRun,
      scopeStack: frames.map((frame) => ({ ...frame })),
      topologicalIndex,
      globalExecutionIndex: this.globalIndex++,
      stepExecutionIndex: count,
      startedAt: this.now().toISOString(),
    };
    if (input !== undefined) record.input = input;
    this.records.push(record);
    this.changed(record);
    return record;
  }

  private changed(record: StepExecution): void {
    if (record.status !== 'skipped') {
      const view: StepView = { ...(record.state ?? {}) };
      if (record.input !== undefined) view.input = record.input;
      if (record.output !== undefined) view.output = record.output;
      if (record.error !== undefined) view.error = record.error;
      this.latest.set(record.stepId, view);
    }
    this.deps.sink.recordChanged(record);
  }

  private finishRecord(record: StepExecution, status: ExecutionStatus, patch: Partial<StepExecution> = {}): void {
    const finishedAt = this.now();
    Object.assign(record, patch);
    record.status = status;
    record.finishedAt = finishedAt.toISOString();
    record.executionTimeMs = finishedAt.getTime() - Date.parse(record.startedAt);
    this.changed(record);
  }

  /** Marks a record after an abort of the whole run (cancel or workflow timeout). */
  private abortRecord(record: StepExecution, abort: RunAbort): void {
    if (abort.kind === 'cancel') this.finishRecord(record, 'cancelled', { error: CANCELLED_ERROR });
    else this.finishRecord(record, 'timed_out', { error: WORKFLOW_TIMEOUT_ERROR });
  }

  private log(event: RunLogEvent): void {
    this.deps.sink.log(event);
  }

  private stepLogger(record: StepExecution): StepLogger {
    const write = (level: ExecutionLogEntry['level']) => (message: string, meta?: Record<string, unknown>) =>
      this.log({ level, message, step: { record }, action: 'log', ...(meta ? { additionalData: toPlainJson(meta) as Record<string, unknown> } : {}) });
    return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
  }

  private setWaiting(waiting: boolean): void {
    this.waitingCount += waiting ? 1 : -1;
    this.deps.sink.statusChanged(this.waitingCount > 0 ? 'waiting' : 'running');
  }

  // ---- the step tree ---------------------------------------------------------------------------------------

  private async runList(steps: readonly CompiledStep[], scope: Scope): Promise<void> {
    for (const step of steps) {
      if (scope.signal.aborted) throw scope.signal.reason;
      if (this.root.signal.aborted) throw this.root.signal.reason;
      await this.withContinue(step, scope);
    }
  }

  private async withContinue(step: CompiledStep, scope: Scope): Promise<void> {
    const policy = step.onFailure;
    try {
      await this.withFallback(step, scope);
    } catch (error) {
      if (!(error instanceof StepFailure) || policy?.continue === undefined || policy.continue === false) throw error;
      if (!(await this.continueHolds(policy, step, scope, error.error))) throw error;
      this.log({ level: 'warn', message: `Step "${step.name}" failed and the workflow continues: ${error.error.message}`, action: 'continue', error: error.error });
    }
  }

  private async continueHolds(policy: OnFailurePolicy, step: CompiledStep, scope: Scope, error: ExecutionError): Promise<boolean> {
    if (policy.continue === true) return true;
    if (typeof policy.continue !== 'string') return false;
    const { result } = await evaluateCondition(this.deps.templating, policy.continue, { ...this.contextFor(step, scope), error }, step.name);
    return result;
  }

  private async withFallback(step: CompiledStep, scope: Scope): Promise<void> {
    if (!step.fallback) return this.withRetry(step, scope);
    try {
      await this.withRetry(step, scope);
    } catch (error) {
      if (!(error instanceof StepFailure)) throw error;
      this.log({ level: 'warn', message: `Step "${step.name}" failed; running its fallback steps: ${error.error.message}`, action: 'fallback', error: error.error });
      const fallbackScope: Scope = {
        ...scope,
        frames: [...scope.frames, { stepId: step.name, kind: 'fallback', scopeId: 'fallback' }],
        error: error.error,
      };
      await this.runList(step.fallback, fallbackScope);
      // The try block re-raises unless a `continue` wraps it (§5.3).
      throw error;
    }
  }

  private async withRetry(step: CompiledStep, scope: Scope): Promise<void> {
    const retry = step.onFailure?.retry;
    if (!retry) return this.withIf(step, scope);
    const maxRetries = Math.max(0, retry['max-attempts']);
    for (let attempt = 1; ; attempt++) {
      const attemptScope: Scope = { ...scope, frames: [...scope.frames, { stepId: step.name, kind: 'retry', scopeId: `${attempt}-attempt` }] };
      try {
        await this.withIf(step, attemptScope);
        return;
      } catch (error) {
        if (!(error instanceof StepFailure) || attempt > maxRetries) throw error;
        if (retry.condition !== undefined) {
          const { result } = await evaluateCondition(this.deps.templating, retry.condition, { ...this.contextFor(step, scope), error: error.error }, step.name);
          if (!result) throw error;
        }
        const delay = retryDelayMs(retry, attempt, (v) => this.deps.templating.parseDuration(v), this.deps.random);
        this.log({
          level: 'info',
          message: `Retrying step "${step.name}" (retry ${attempt} of ${maxRetries}) in ${delay}ms after: ${error.error.message}`,
          action: 'retry',
          error: error.error,
          additionalData: { attempt, delayMs: delay },
        });
        const waiting = delay > WAITING_THRESHOLD_MS;
        if (waiting) this.setWaiting(true);
        try {
          await sleep(delay, scope.signal);
        } finally {
          if (waiting) this.setWaiting(false);
        }
      }
    }
  }

  private async withIf(step: CompiledStep, scope: Scope): Promise<void> {
    const condition = step.type === 'if' ? undefined : step.step.if;
    if (condition === undefined) return this.withForeach(step, scope);
    let evaluated: { rendered: unknown; result: boolean };
    try {
      evaluated = await evaluateCondition(this.deps.templating, condition, this.contextFor(step, scope), step.name);
    } catch (error) {
      const failure = toExecutionError(error);
      const record = this.startRecord(step.name, step.type, step.topologicalIndex, scope.frames, { condition });
      this.finishRecord(record, 'failed', { error: failure });
      throw new StepFailure(failure);
    }
    if (!evaluated.result) {
      // Born skipped, so `steps.<name>` never shows it (latest non-skipped run, §3.4).
      const record = this.startRecord(step.name, step.type, step.topologicalIndex, scope.frames, { condition: evaluated.rendered, conditionResult: false }, 'skipped');
      this.finishRecord(record, 'skipped');
      this.log({ level: 'info', message: `Step "${step.name}" skipped: its condition is false`, step: { record }, action: 'step-skip' });
      return;
    }
    return this.withForeach(step, scope);
  }

  private async withForeach(step: CompiledStep, scope: Scope): Promise<void> {
    const expression = step.type === 'foreach' ? undefined : step.step.foreach;
    if (expression === undefined) return this.withTimeout(step, scope);
    const loopId = `foreach_${step.name}`;
    await this.runLoop(step, loopId, expression, step.step['max-iterations'], scope, (iterationScope) => this.withTimeout(step, iterationScope));
  }

  private async withTimeout(step: CompiledStep, scope: Scope): Promise<void> {
    const rawTimeout = step.step.timeout;
    if (rawTimeout === undefined) return this.runStep(step, scope);
    let timeout: string;
    let ms: number;
    try {
      timeout = String(await this.deps.templating.render(rawTimeout, this.contextFor(step, scope)));
      ms = this.deps.templating.parseDuration(timeout);
    } catch (error) {
      const failure = toExecutionError(error);
      const record = this.startRecord(step.name, step.type, step.topologicalIndex, scope.frames);
      this.finishRecord(record, 'failed', { error: failure });
      throw new StepFailure(failure);
    }
    const { controller, dispose } = childController(scope.signal);
    const timer = setTimeout(() => controller.abort(timeoutError(timeout)), ms);
    try {
      await this.runStep(step, { ...scope, signal: controller.signal });
    } finally {
      clearTimeout(timer);
      dispose();
    }
  }

  private async runStep(step: CompiledStep, scope: Scope): Promise<void> {
    if (isIfStep(step.step)) return this.runIf(step, step.step, scope);
    if (isForeachStep(step.step)) {
      const body = step.children ?? [];
      return this.runLoop(step, step.name, step.step.foreach, step.step['max-iterations'], scope, (iterationScope) => this.runList(body, iterationScope));
    }
    return this.runLeaf(step, scope);
  }

  private async runIf(step: CompiledStep, ifStep: IfStep, scope: Scope): Promise<void> {
    const record = this.startRecord(step.name, 'if', step.topologicalIndex, scope.frames, { condition: ifStep.condition });
    this.log({ level: 'info', message: `Step "${step.name}" started`, step: { record }, action: 'step-start' });
    try {
      const { rendered, result } = await evaluateCondition(this.deps.templating, ifStep.condition, this.contextFor(step, scope), step.name);
      record.input = { condition: rendered, conditionResult: result };
      this.changed(record);
      await this.runList((result ? step.children : step.elseChildren) ?? [], scope);
      this.finishRecord(record, 'completed');
      this.logStepEnd(record);
    } catch (error) {
      this.closeOnError(record, error);
      throw error instanceof RunAbort || error instanceof StepFailure ? error : new StepFailure(toExecutionError(error));
    }
  }

  /** A loop record (type `foreach`, or `foreach_<name>` for a step-level loop) and its sequential iterations. */
  private async runLoop(
    step: CompiledStep,
    loopId: string,
    expression: ForeachStep['foreach'],
    maxIterations: ForeachStep['max-iterations'],
    scope: Scope,
    body: (iterationScope: Scope) => Promise<void>,
  ): Promise<void> {
    const record = this.startRecord(loopId, 'foreach', step.topologicalIndex, scope.frames, { foreach: expression });
    this.log({ level: 'info', message: `Step "${loopId}" started`, step: { record }, action: 'step-start' });
    try {
      const items = await resolveForeachItems(this.deps.templating, expression, this.contextFor(step, scope));
      const limit = foreachLimitOf(maxIterations);
      const total = items.length;
      const count = Math.min(total, limit.limit);
      for (let index = 0; index < count; index++) {
        if (this.root.signal.aborted) throw this.root.signal.reason;
        if (scope.signal.aborted) throw scope.signal.reason;
        const state = { items, item: items[index], index, total };
        record.state = state;
        this.changed(record);
        await body({
          ...scope,
          frames: [...scope.frames, { stepId: loopId, kind: 'foreach', scopeId: String(index) }],
          foreach: [...scope.foreach, state],
        });
      }
      if (total > limit.limit) {
        const message = `Foreach step "${step.name}" exceeded max-iterations limit of ${limit.limit}. Processed ${count} of ${total} items.`;
        if (limit.onLimit === 'fail') throw new StepFailure({ type: 'ForeachLimitError', message });
        this.log({ level: 'warn', message, step: { record }, action: 'foreach-limit' });
      }
      if (total === 0) record.state = { items, total: 0 };
      this.finishRecord(record, 'completed');
      this.logStepEnd(record);
    } catch (error) {
      this.closeOnError(record, error);
      throw error instanceof RunAbort || error instanceof StepFailure ? error : new StepFailure(toExecutionError(error));
    }
  }

  private closeOnError(record: StepExecution, error: unknown): void {
    if (error instanceof RunAbort) {
      this.abortRecord(record, error);
      return;
    }
    const failure = error instanceof StepFailure ? error.error : toExecutionError(error);
    this.finishRecord(record, 'failed', { error: failure });
    this.log({ level: 'error', message: `Step "${record.stepId}" failed: ${failure.message}`, step: { record }, action: 'step-fail', outcome: 'failure', duration: record.executionTimeMs, error: failure });
  }

  private logStepEnd(record: StepExecution): void {
    this.log({ level: 'info', message: `Step "${record.stepId}" completed`, step: { record }, action: 'step-complete', outcome: 'success', duration: record.executionTimeMs });
  }

  private outputLimitBytes(step: CompiledStep): { bytes: number; label: string } {
    const own = step.step['max-step-size'];
    const fromSettings = this.definition.settings?.['max-step-size'];
    const label = own ?? fromSettings;
    if (label !== undefined) return { bytes: this.deps.templating.parseSize(label), label };
    return { bytes: this.deps.maxStepOutputBytes, label: `${this.deps.maxStepOutputBytes}b` };
  }

  private async runLeaf(step: CompiledStep, scope: Scope): Promise<void> {
    const record = this.startRecord(step.name, step.type, step.topologicalIndex, scope.frames);
    this.log({ level: 'info', message: `Step "${step.name}" started`, step: { record }, action: 'step-start' });
    const context = this.contextFor(step, scope);
    const definition = this.deps.getStepDefinition(step.type);
    let handlerContext: StepHandlerContext | undefined;
    let waiting = false;
    try {
      if (!definition) throw new WorkflowStepError('UnknownStepTypeError', `Unknown step type "${step.type}"`);
      const rawInput = step.step.with ?? {};
      const rendered = await this.deps.templating.render(rawInput, context);
      record.input = this.deps.redactInput(step.type, toPlainJson(rendered));
      this.changed(record);
      const parsed = definition.inputSchema.safeParse(rendered);
      if (!parsed.success) {
        throw new WorkflowStepError('InputValidationError', `Invalid input for step "${step.name}": ${formatZodError(parsed.error)}`, { issues: toPlainJson(parsed.error.issues) });
      }
      const config = await this.renderConfig(step, definition, context);
      if (step.type === 'wait') {
        const duration = asRecord(parsed.data)?.duration;
        waiting = typeof duration === 'string' && this.safeDuration(duration) > WAITING_THRESHOLD_MS;
        if (waiting) {
          record.status = 'waiting';
          this.changed(record);
          this.setWaiting(true);
        }
      }
      if (scope.signal.aborted) throw scope.signal.reason;
      const contextManager = this.contextManager(context);
      handlerContext = {
        input: structuredClone(parsed.data),
        rawInput: structuredClone(rawInput),
        config,
        contextManager,
        logger: this.stepLogger(record),
        abortSignal: scope.signal,
        stepId: step.name,
        stepType: step.type,
      };
      const result: StepHandlerResult = await raceAbort(
        Promise.resolve().then(() => definition.handler(handlerContext as StepHandlerContext)),
        scope.signal,
      );
      if (result.error !== undefined) {
        const partial = result.output === undefined ? undefined : toPlainJson(result.output);
        throw Object.assign(new StepFailure(toExecutionError(result.error)), { partialOutput: partial });
      }
      const { output, bytes } = this.measure(result.output);
      const limit = this.outputLimitBytes(step);
      if (bytes > limit.bytes) {
        throw new WorkflowStepError(
          'ResponseSizeLimitError',
          `Step "${step.name}" output is ${bytes} bytes, which exceeds the maximum step output size of ${limit.label} (${limit.bytes} bytes).`,
          { size: bytes, limit: limit.bytes },
        );
      }
      if (waiting) this.endWaiting(record);
      waiting = false;
      this.finishRecord(record, 'completed', output === undefined ? {} : { output });
      if (step.type === 'data.set') {
        const set = asRecord(output);
        if (set) this.variables = { ...this.variables, ...set };
      }
      this.logStepEnd(record);
    } catch (error) {
      if (waiting) this.endWaiting(record);
      if (error instanceof RunAbort) {
        this.abortRecord(record, error);
        this.log({ level: 'warn', message: `Step "${step.name}" ${error.kind === 'cancel' ? 'cancelled' : 'timed out with the workflow'}`, step: { record }, action: 'step-abort' });
        this.callOnCancel(definition, handlerContext);
        throw error;
      }
      const failure = error instanceof StepFailure ? error.error : toExecutionError(error);
      const partial = error instanceof StepFailure ? (error as StepFailure & { partialOutput?: unknown }).partialOutput : undefined;
      if (scope.signal.aborted && handlerContext) this.callOnCancel(definition, handlerContext);
      this.finishRecord(record, 'failed', { error: failure, ...(partial !== undefined ? { output: partial } : {}) });
      this.log({ level: 'error', message: `Step "${step.name}" failed: ${failure.message}`, step: { record }, action: 'step-fail', outcome: 'failure', duration: record.executionTimeMs, error: failure });
      throw new StepFailure(failure);
    }
  }

  private endWaiting(record: StepExecution): void {
    record.status = 'running';
    this.setWaiting(false);
  }

  private safeDuration(value: string): number {
    try {
      return this.deps.templating.parseDuration(value);
    } catch {
      return 0;
    }
  }

  private measure(value: unknown): { output: unknown; bytes: number } {
    if (value === undefined) return { output: undefined, bytes: 0 };
    const text = JSON.stringify(value);
    if (text === undefined) return { output: undefined, bytes: 0 };
    return { output: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text, 'utf8') };
  }

  private async renderConfig(step: CompiledStep, definition: ServerStepDefinition, context: Record<string, unknown>): Promise<Record<string, unknown>> {
    const schema = definition.configSchema;
    if (!schema) return {};
    const raw: Record<string, unknown> = {};
    for (const key of Object.keys(schema.shape)) {
      if (step.step[key] !== undefined) raw[key] = step.step[key];
    }
    const parsed = schema.safeParse(await this.deps.templating.render(raw, context));
    if (!parsed.success) {
      throw new WorkflowStepError('InputValidationError', `Invalid configuration for step "${step.name}": ${formatZodError(parsed.error)}`, {
        issues: toPlainJson(parsed.error.issues),
      });
    }
    return parsed.data as Record<string, unknown>;
  }

  private contextManager(context: Record<string, unknown>): StepContextManager {
    const host = this.deps.host;
    return {
      // Each handler gets its own copy; only the parts it reads are copied.
      getContext: () => lazyDeepCopy(context) as unknown as WorkflowContext,
      renderInputTemplate: (value, extra) => this.deps.templating.render(value, extra ? { ...context, ...extra } : context),
      getScopedEsClient: () => host.getScopedEsClient(),
      getFakeRequest: () => host.getFakeRequest(),
      callKibanaApi: (request) => host.callKibanaApi(request),
    };
  }

  private callOnCancel(definition: ServerStepDefinition | undefined, context: StepHandlerContext | undefined): void {
    if (!definition?.onCancel || !context) return;
    const onCancel = definition.onCancel.bind(definition);
    Promise.resolve()
      .then(() => onCancel(context))
      .catch((error: unknown) => this.log({ level: 'warn', message: `onCancel of step "${context.stepId}" failed: ${toExecutionError(error).message}` }));
  }
}
