import type { Logger } from '../../../core/server';
import type { ExecutionLogDoc, StepExecutionDoc, WorkflowsStore } from './store/types';

export interface PersistenceBufferOptions {
  store: WorkflowsStore;
  logger: Logger;
  /** Flush at least this often (ms); §5.8 says 1 s for logs. */
  intervalMs?: number;
  /** Flush as soon as this many events or records are waiting; §5.8 says 100. */
  maxPending?: number;
}

/**
 * Write-behind for step records and log events (§5.8: bulk-flushed every 1 s or 100 events). Record updates are
 * coalesced per id (only the latest version is written); flushes are serialised so an older version never lands
 * after a newer one. Live reads come from the runner's memory, so nothing waits for these writes.
 */
export class PersistenceBuffer {
  private records = new Map<string, StepExecutionDoc>();
  private logs: ExecutionLogDoc[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly intervalMs: number;
  private readonly maxPending: number;

  constructor(private readonly options: PersistenceBufferOptions) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.maxPending = options.maxPending ?? 100;
  }

  putRecord(doc: StepExecutionDoc): void {
    this.records.set(doc.id, doc);
    this.schedule();
  }

  putLog(doc: ExecutionLogDoc): void {
    this.logs.push(doc);
    this.schedule();
  }

  /** Writes everything waiting; `refresh` makes it searchable before resolving (an execution's final write). */
  flush(options: { refresh?: boolean } = {}): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const records = [...this.records.values()];
    const logs = this.logs;
    this.records = new Map();
    this.logs = [];
    // Different indices: both bulks go out together (a `wait_for` refresh then costs one refresh interval, not two).
    const run = async () => {
      await Promise.all([
        records.length > 0 ? this.options.store.putStepExecutions(records, options) : undefined,
        logs.length > 0 ? this.options.store.putLogs(logs, options) : undefined,
      ]);
    };
    const next = this.chain.then(run, run);
    this.chain = next.catch((error: unknown) => {
      this.options.logger.error('Failed to write workflow step executions or logs', { error, records: records.length, logs: logs.length });
    });
    return next;
  }

  /**
   * An execution's final write: only its own records and events, after every earlier write was acknowledged (so an
   * older version never lands last), with `wait_for`, and outside the chain so one execution's refresh wait does not
   * hold up the others. A finished execution's records never change again.
   */
  flushExecution(executionId: string): Promise<void> {
    const records: StepExecutionDoc[] = [];
    for (const [id, doc] of this.records) {
      if (doc.workflowRunId === executionId) {
        records.push(doc);
        this.records.delete(id);
      }
    }
    const logs = this.logs.filter((doc) => doc.workflow.execution_id === executionId);
    if (logs.length > 0) this.logs = this.logs.filter((doc) => doc.workflow.execution_id !== executionId);
    return this.chain.then(async () => {
      await Promise.all([
        records.length > 0 ? this.options.store.putStepExecutions(records, { refresh: true }) : undefined,
        logs.length > 0 ? this.options.store.putLogs(logs, { refresh: true }) : undefined,
      ]);
    });
  }

  private schedule(): void {
    if (this.records.size + this.logs.length >= this.maxPending) {
      void this.flush().catch(() => undefined);
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush().catch(() => undefined);
      }, this.intervalMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    await this.flush().catch(() => undefined);
  }
}
