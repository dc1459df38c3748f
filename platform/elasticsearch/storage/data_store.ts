/**
 * The durable store of one node: a snapshot (full state at a checkpoint) plus the write-ahead log
 * generations after it, tied together by an atomically swapped `manifest.json`.
 *
 *   <data>/node.lock  <data>/manifest.json  <data>/snapshots/snapshot-<gen>.ndjson  <data>/wal/wal-<gen>.log
 *
 * The caller owns the meaning of records and snapshot lines (JSON values, one per line, so a snapshot
 * never has to fit one JS string); this module guarantees that what `append` acknowledged is replayed
 * after a crash, in order.
 */
import { promises as fsp } from 'node:fs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WriteAheadLog, parseWalFileName, walFileName } from './wal';
import { decodeRecords, WalCorruptionError } from './wal_codec';
import { writeFileAtomic, writeLinesAtomic, fsyncDirectory } from './durable_fs';
import * as readline from 'node:readline';
import { acquireNodeLock, type NodeLock } from './node_lock';
import { decodeLogEntry, encodeLogEntry } from './log_entry';

export interface StorageLogger {
  info(message: string, meta?: object): void;
  warn(message: string, meta?: object): void;
  error(message: string, meta?: object): void;
}

interface Manifest {
  format: 1;
  /** Snapshot file name under `snapshots/`, or null before the first flush. */
  snapshot: string | null;
  /** First log generation not covered by the snapshot. */
  walGeneration: number;
}

export interface Recovered {
  /** Parsed snapshot lines, or undefined before the first flush. */
  snapshot: unknown[] | undefined;
  /** Log records after the snapshot, oldest first (JSON values, or `TextRecord`s as appended). */
  records: unknown[];
  tornTails: number;
}

export interface DataStoreOptions {
  /** Flush when the current log generation grows beyond this many bytes (spec: 128 MB). */
  flushThresholdBytes?: number;
  /**
   * `--repair`: instead of refusing to start on corruption, keep the records before it and discard
   * everything after it (those operations are lost; the log says how many bytes).
   */
  repair?: boolean;
}

export const DEFAULT_FLUSH_THRESHOLD_BYTES = 128 * 1024 * 1024;

export class DataStore {
  private flushing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    readonly dataPath: string,
    private readonly wal: WriteAheadLog,
    private readonly lock: NodeLock,
    private readonly logger: StorageLogger,
    private readonly flushThresholdBytes: number,
  ) {}

  static async open(
    dataPath: string,
    logger: StorageLogger,
    options: DataStoreOptions = {},
  ): Promise<{ store: DataStore; recovered: Recovered }> {
    await fsp.mkdir(dataPath, { recursive: true });
    const lock = acquireNodeLock(dataPath);
    try {
      const walDir = path.join(dataPath, 'wal');
      const snapDir = path.join(dataPath, 'snapshots');
      await fsp.mkdir(walDir, { recursive: true });
      await fsp.mkdir(snapDir, { recursive: true });
      const manifest = await readManifest(dataPath);
      let snapshot: unknown[] | undefined = undefined;
      if (manifest.snapshot) snapshot = await readSnapshotLines(path.join(snapDir, manifest.snapshot), manifest.snapshot);
      const generations = (await fsp.readdir(walDir))
        .map(parseWalFileName)
        .filter((g): g is number => g !== undefined && g >= manifest.walGeneration)
        .sort((a, b) => a - b);
      const records: unknown[] = [];
      let tornTails = 0;
      for (let i = 0; i < generations.length; i++) {
        const name = walFileName(generations[i]);
        const file = path.join(walDir, name);
        const data = await fsp.readFile(file);
        const decoded = decodeRecords(data, name, options.repair === true);
        for (const payload of decoded.records) {
          try {
            records.push(decodeLogEntry(payload));
          } catch {
            throw new WalCorruptionError(name, -1, 'a checksummed record is not valid JSON');
          }
        }
        if (decoded.corruption) {
          logger.error('Repair: discarding the write-ahead log from a corrupted record on', {
            file: name,
            offset: decoded.corruption.offset,
            reason: decoded.corruption.reason,
            discardedBytes: data.length - decoded.validLength,
            discardedGenerations: generations.slice(i + 1).length,
          });
          await truncateFile(file, decoded.validLength);
          for (const later of generations.slice(i + 1)) await fsp.rm(path.join(walDir, walFileName(later)), { force: true });
          generations.length = i + 1;
          break;
        }
        if (decoded.tornTail) {
          const laterHaveData = await anyNonEmpty(walDir, generations.slice(i + 1));
          if (laterHaveData) {
            throw new WalCorruptionError(name, decoded.tornTail.offset, `${decoded.tornTail.reason}, followed by newer logs`);
          }
          tornTails += 1;
          logger.warn('Dropping a torn record at the end of the write-ahead log (it was never acknowledged)', {
            file: name,
            offset: decoded.tornTail.offset,
            reason: decoded.tornTail.reason,
            droppedBytes: data.length - decoded.validLength,
          });
          // Cut it off so that new records follow valid ones.
          await truncateFile(file, decoded.validLength);
        }
      }
      const lastGeneration = generations.length > 0 ? generations[generations.length - 1] : manifest.walGeneration;
      const wal = await WriteAheadLog.open(walDir, lastGeneration);
      const store = new DataStore(
        dataPath,
        wal,
        lock,
        logger,
        options.flushThresholdBytes ?? DEFAULT_FLUSH_THRESHOLD_BYTES,
      );
      return { store, recovered: { snapshot, records, tornTails } };
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  /**
   * Durably appends records (one group-committed fdatasync shared with concurrent callers): JSON values,
   * or `TextRecord`s whose text is stored unescaped; recovery returns them in the same shapes.
   */
  append(records: readonly unknown[]): Promise<void> {
    const payloads = new Array<string>(records.length);
    for (let i = 0; i < records.length; i++) payloads[i] = encodeLogEntry(records[i]);
    return this.wal.append(payloads);
  }

  get logBytes(): number {
    return this.wal.sizeBytes;
  }

  get syncCount(): number {
    return this.wal.stats.syncs;
  }

  needsFlush(): boolean {
    return this.wal.sizeBytes > this.flushThresholdBytes;
  }

  /**
   * Writes a snapshot and drops the log generations it covers. `capture` is called synchronously, right
   * after the log is cut, and must capture the state then (the lines it returns may be produced later,
   * from that captured copy), so the snapshot holds exactly the records before the cut.
   */
  flush(capture: () => Iterable<string>): Promise<void> {
    if (this.flushing) return this.flushing;
    const run = async (): Promise<void> => {
      const rotated = this.wal.rotate();
      const lines = capture();
      const generation = await rotated;
      const snapName = `snapshot-${String(generation).padStart(10, '0')}.ndjson`;
      const snapDir = path.join(this.dataPath, 'snapshots');
      await writeLinesAtomic(path.join(snapDir, snapName), lines);
      const manifest: Manifest = { format: 1, snapshot: snapName, walGeneration: generation };
      await writeFileAtomic(path.join(this.dataPath, 'manifest.json'), JSON.stringify(manifest));
      // The manifest no longer points at older files: remove them.
      for (const name of await fsp.readdir(path.join(this.dataPath, 'wal'))) {
        const g = parseWalFileName(name);
        if (g !== undefined && g < generation) await fsp.rm(path.join(this.dataPath, 'wal', name), { force: true });
      }
      for (const name of await fsp.readdir(snapDir)) {
        if (name !== snapName) await fsp.rm(path.join(snapDir, name), { force: true });
      }
      await fsyncDirectory(path.join(this.dataPath, 'wal'));
      this.logger.info('Flushed a snapshot and trimmed the write-ahead log', { snapshot: snapName });
    };
    this.flushing = run().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** Optionally flushes, then closes the log and releases the lock. */
  async close(capture?: () => Iterable<string>): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.flushing) await this.flushing.catch(() => undefined);
      if (capture) await this.flush(capture);
      await this.wal.close();
    } finally {
      this.lock.release();
    }
  }
}

async function readManifest(dataPath: string): Promise<Manifest> {
  const file = path.join(dataPath, 'manifest.json');
  if (!fs.existsSync(file)) return { format: 1, snapshot: null, walGeneration: 0 };
  const text = await fsp.readFile(file, 'utf8');
  try {
    const parsed = JSON.parse(text) as Manifest;
    if (parsed.format !== 1 || typeof parsed.walGeneration !== 'number') throw new Error('unknown manifest format');
    return parsed;
  } catch (e) {
    throw new Error(`manifest [${file}] is unreadable: ${(e as Error).message}`);
  }
}

async function truncateFile(file: string, length: number): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readSnapshotLines(file: string, name: string): Promise<unknown[]> {
  const lines: unknown[] = [];
  const input = fs.createReadStream(file, { encoding: 'utf8' });
  const reader = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of reader) {
    n++;
    if (line.length === 0) continue;
    try {
      lines.push(JSON.parse(line));
    } catch (e) {
      throw new Error(`snapshot [${name}] is unreadable at line ${n}: ${(e as Error).message.slice(0, 200)}`);
    }
  }
  return lines;
}

async function anyNonEmpty(dir: string, generations: number[]): Promise<boolean> {
  for (const g of generations) {
    const stat = await fsp.stat(path.join(dir, walFileName(g)));
    if (stat.size > 0) return true;
  }
  return false;
}
