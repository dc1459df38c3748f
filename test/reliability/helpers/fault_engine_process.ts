import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO_ROOT, 'platform', 'elasticsearch', 'cli.ts');
const LISTENING = /Embedded Elasticsearch listening on (http:\/\/127\.0\.0\.1:(\d+))/;

export interface EngineProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly dataPath: string;
  /** Everything the child wrote to stdout and stderr so far. */
  output(): string;
  /** kill -9: no flush, no snapshot, no lock release. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (the CLI flushes and stops), SIGKILL after 10 s. Resolves once the process is gone. */
  stop(): Promise<void>;
}

export interface StartEngineProcessOptions {
  dataPath: string;
  /** 0 (default) = a random free port. */
  port?: number;
  /** Extra CLI flags, e.g. ['--repair']. */
  args?: readonly string[];
  timeoutMs?: number;
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/**
 * Runs the embedded engine's CLI as a child process (node --import tsx, one process, so a SIGKILL hits the engine
 * itself and not a wrapper) on 127.0.0.1 and resolves once it prints its URL.
 */
export async function startEngineProcess(options: StartEngineProcessOptions): Promise<EngineProcess> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--host', '127.0.0.1', '--port', String(options.port ?? 0), '--path.data', options.dataPath, ...(options.args ?? [])],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  let out = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk: string) => {
    out += chunk;
  });

  const address = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`the engine did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const match = LISTENING.exec(out);
      if (!match) return;
      cleanup();
      resolve({ url: match[1], port: Number(match[2]) });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      cleanup();
      reject(new Error(`the engine exited before listening (code ${code}, signal ${signal}):\n${out}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the engine child has no pid');

  return {
    ...address,
    pid,
    dataPath: options.dataPath,
    output: () => out,
    async kill9() {
      const gone = exited(child);
      child.kill('SIGKILL');
      await gone;
    },
    async stop() {
      const gone = exited(child);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** A port that was free a moment ago on 127.0.0.1 (listen on 0, read it, close): for "a cluster that is not there yet". */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
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
