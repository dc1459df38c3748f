/**
 * Append-only write-ahead log with group commit: appends that arrive while a write+fdatasync is in
 * flight are batched into the next one, so concurrent requests share a sync. `append` resolves only
 * once the bytes are on stable storage; callers acknowledge after that.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { encodeRecords } from './wal_codec';
import { fsyncDirectory } from './durable_fs';

export function walFileName(generation: number): string {
  return `wal-${String(generation).padStart(10, '0')}.log`;
}

export function parseWalFileName(name: string): number | undefined {
  const m = /^wal-(\d{10})\.log$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

type QueueEntry =
  | { kind: 'data'; bytes: Buffer; resolve: () => void; reject: (e: Error) => void }
  | { kind: 'rotate'; resolve: (generation: number) => void; reject: (e: Error) => void };

export interface WalStats {
  syncs: number;
  records: number;
}

export class WriteAheadLog {
  private queue: QueueEntry[] = [];
  private busy = false;
  private failure: Error | undefined;
  private closed = false;
  private size: number;
  readonly stats: WalStats = { syncs: 0, records: 0 };

  private constructor(
    private readonly dir: string,
    private generationValue: number,
    private handle: fsp.FileHandle,
    initialSize: number,
  ) {
    this.size = initialSize;
  }

  /** Opens (or creates) generation `generation` for appending. */
  static async open(dir: string, generation: number): Promise<WriteAheadLog> {
    const file = path.join(dir, walFileName(generation));
    const handle = await fsp.open(file, 'a');
    const stat = await handle.stat();
    await fsyncDirectory(dir);
    return new WriteAheadLog(dir, generation, handle, stat.size);
  }

  get generation(): number {
    return this.generationValue;
  }

  /** Bytes in the current generation, including queued appends. */
  get sizeBytes(): number {
    return this.size;
  }

  /**
   * Queues records synchronously (so log order equals call order) and resolves once they are durable.
   * String payloads are stored as their UTF-8 bytes.
   */
  append(payloads: readonly (Buffer | string)[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('write-ahead log is closed'));
    const bytes = encodeRecords(payloads);
    this.size += bytes.length;
    this.stats.records += payloads.length;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ kind: 'data', bytes, resolve, reject });
      void this.pump();
    });
  }

  /**
   * Starts a new generation after every record queued so far. Records appended after this call go to
   * the new file. Resolves with the new generation number once the switch is durable.
   */
  rotate(): Promise<number> {
    if (this.failure) return Promise.reject(this.failure);
    this.size = 0;
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ kind: 'rotate', resolve, reject });
      void this.pump();
    });
  }

  /** Waits for queued work, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      this.queue.push({ kind: 'data', bytes: Buffer.alloc(0), resolve, reject: () => resolve() });
      void this.pump();
    });
    this.closed = true;
    await this.handle.close();
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0];
        if (head.kind === 'rotate') {
          this.queue.shift();
          try {
            await this.handle.close();
            this.generationValue += 1;
            this.handle = await fsp.open(path.join(this.dir, walFileName(this.generationValue)), 'a');
            await fsyncDirectory(this.dir);
            head.resolve(this.generationValue);
          } catch (e) {
            this.fail(e, [head]);
          }
          continue;
        }
        // Group commit: every data entry up to the next rotation shares one write and one sync.
        const batch: Array<Extract<QueueEntry, { kind: 'data' }>> = [];
        while (this.queue.length > 0 && this.queue[0].kind === 'data') {
          batch.push(this.queue.shift() as Extract<QueueEntry, { kind: 'data' }>);
        }
        try {
          const buffers = batch.map((b) => b.bytes).filter((b) => b.length > 0);
          if (buffers.length > 0) {
            const all = buffers.length === 1 ? buffers[0] : Buffer.concat(buffers);
            let written = 0;
            while (written < all.length) {
              const { bytesWritten } = await this.handle.write(all, written, all.length - written);
              written += bytesWritten;
            }
            await this.handle.datasync();
            this.stats.syncs += 1;
          }
          for (const b of batch) b.resolve();
        } catch (e) {
          this.fail(e, batch);
        }
      }
    } finally {
      this.busy = false;
    }
  }

  /** After an I/O failure nothing more can be acknowledged: the log's tail state is unknown. */
  private fail(e: unknown, entries: QueueEntry[]): void {
    const err = new Error(`write-ahead log failed: ${e instanceof Error ? e.message : String(e)}`);
    this.failure = err;
    for (const entry of [...entries, ...this.queue]) entry.reject(err);
    this.queue = [];
  }
}
