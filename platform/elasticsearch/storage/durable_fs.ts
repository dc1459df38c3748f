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
