/**
 * `node.lock`: one process per data directory. The file holds the owner's pid; a lock left behind by a
 * killed process (pid no longer alive) is taken over, which is what makes kill -9 recovery work.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const heldInThisProcess = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class NodeLockError extends Error {
  constructor(dataPath: string, holder: string) {
    super(`failed to obtain node lock on data path [${dataPath}]: it is in use by ${holder}`);
    this.name = 'NodeLockError';
  }
}

export interface NodeLock {
  release(): void;
}

export function acquireNodeLock(dataPath: string): NodeLock {
  const resolved = path.resolve(dataPath);
  const file = path.join(resolved, 'node.lock');
  if (heldInThisProcess.has(resolved)) throw new NodeLockError(resolved, 'another node in this process');
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
      throw new NodeLockError(resolved, `process [${pid}]`);
    }
    // Stale lock from a process that died: take it over.
    fs.writeFileSync(file, String(process.pid));
  }
  heldInThisProcess.add(resolved);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      heldInThisProcess.delete(resolved);
      try {
        if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
