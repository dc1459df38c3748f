/** Starts the real product (`npm start`) on random ports with a temp data dir, and stops it again. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FakeLlm } from '../fake_llm';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** What the fake LLM (run.ts) answers when a test scripts nothing else. */
export const FAKE_LLM_ANSWER = 'The alert shows **suspicious PowerShell** activity; isolate the host and review the parent process.';

export interface RunningProduct {
  url: string;
  /** The scripted OpenAI-compatible LLM behind the preconfigured `fake-llm` connector (when run.ts started one). */
  fakeLlm?: FakeLlm;
  username: string;
  password: string;
  dataPath: string;
  /** Everything the product printed (for failure reports). */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForAvailable(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}:\n${output().slice(-4000)}`);
    try {
      const res = await fetch(`${url}/api/status`);
      if (res.ok) {
        const body = (await res.json()) as { status?: { overall?: { level?: string } } };
        if (body.status?.overall?.level === 'available') return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The product did not become available within ${timeoutMs / 1000} s:\n${output().slice(-4000)}`);
}

function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startProduct(options: { timeoutMs?: number; extraArgs?: string[] } = {}): Promise<RunningProduct> {
  const [port, esPort] = [await freePort(), await freePort()];
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-data-'));
  const password = `e2e-${Math.random().toString(36).slice(2, 10)}`;
  let log = '';
  const child = spawn(
    'npm',
    ['start', '--', `--server.port=${port}`, `--elasticsearch.embedded.port=${esPort}`, `--path.data=${dataPath}`, `--security.bootstrapPassword=${password}`, ...(options.extraArgs ?? [])],
    { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
  );
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // The whole process group: npm, tsx and node.
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(-child.pid, 'SIGKILL'), 15_000);
      await exited;
      // npm may exit before its node grandchild has flushed the engine's WAL: wait for the whole group to be gone.
      for (let waited = 0; waited < 15_000 && processGroupAlive(child.pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
      clearTimeout(timer);
    }
    fs.rmSync(dataPath, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
  };
  try {
    await waitForAvailable(url, child, options.timeoutMs ?? 240_000, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, username: 'elastic', password, dataPath, output: () => log, stop };
}
