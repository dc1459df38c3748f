/** Small helpers for crash-safe file writes (write, fsync, rename, fsync the directory). */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `data` to `target` atomically: a reader sees the old file or the complete new one, never a mix. */
export async function writeFileAtomic(target: string, data: string | Buffer): Promise<void> {
  const temp = `${target}.tmp-${process.pid}`;
  const handle = await fsp.open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(temp, target);
  await fsyncDirectory(path.dirname(target));
}

/**
 * Like writeFileAtomic, for content produced as lines (snapshots can exceed the largest JS string).
 * Writes in ~4 MB chunks, awaiting each, so the event loop keeps serving requests meanwhile.
 */
export async function writeLinesAtomic(target: string, lines: Iterable<string>): Promise<void> {
  const temp = `${target}.tmp-${process.pid}`;
  const handle = await fsp.open(temp, 'w');
  try {
    let chunk: string[] = [];
    let size = 0;
    for (const line of lines) {
      chunk.push(line, '\n');
      size += line.length + 1;
      if (size >= 4 * 1024 * 1024) {
        await handle.write(chunk.join(''));
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length > 0) await handle.write(chunk.join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(temp, target);
  await fsyncDirectory(path.dirname(target));
}
