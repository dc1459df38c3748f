import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { parseJsonc, startPlatform } from '../../platform/core/server';
import type { LogRecord, RunningPlatform } from '../../platform/core/server';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TEST_PASSWORD = 'test-elastic-password';

export interface TestRequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Basic credentials; default elastic/TEST_PASSWORD; false sends none. */
  auth?: { username: string; password: string } | false;
  /** Space to prefix the path with (`/s/<id>`); default none (the default space). */
  space?: string;
  /** Sends `kbn-xsrf` on non-GET requests (default true). */
  xsrf?: boolean;
}

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, the text otherwise. */
  body: T;
  text: string;
}

export interface TestPlatform {
  url: string;
  esUrl: string;
  username: 'elastic';
  password: string;
  dataPath: string;
  platform: RunningPlatform;
  /** Client on the platform's Elasticsearch (embedded engine). */
  es: Client;
  logs: LogRecord[];
  request<T = unknown>(method: string, urlPath: string, options?: TestRequestOptions): Promise<TestResponse<T>>;
  get<T = unknown>(urlPath: string, options?: TestRequestOptions): Promise<TestResponse<T>>;
  post<T = unknown>(urlPath: string, body?: unknown, options?: TestRequestOptions): Promise<TestResponse<T>>;
  put<T = unknown>(urlPath: string, body?: unknown, options?: TestRequestOptions): Promise<TestResponse<T>>;
  patch<T = unknown>(urlPath: string, body?: unknown, options?: TestRequestOptions): Promise<TestResponse<T>>;
  delete<T = unknown>(urlPath: string, options?: TestRequestOptions): Promise<TestResponse<T>>;
  stop(): Promise<void>;
}

export interface StartTestPlatformOptions {
  /** Plugin ids to load (plus their required plugins); default: none but core. */
  plugins?: readonly string[];
  /** Extra plugin folders (fixtures), loaded in addition to `plugins`. */
  pluginDirs?: readonly string[];
  /** Settings (nested or dotted keys) over the defaults of this helper. */
  config?: Record<string, unknown>;
  /** Keep the data dir after stop (default: removed). */
  keepData?: boolean;
  /** Use this data dir instead of a fresh temp dir (e.g. to restart on the same data). */
  dataPath?: string;
  /** Browser bundles folder (default: the repository's target/public). */
  bundlesDir?: string;
  /** Forward log records of at least this level to the console (default: none; all are kept in `logs`). */
  printLogsFrom?: 'debug' | 'info' | 'warn' | 'error';
}

const basicHeader = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/**
 * Boots the whole platform in-process: random HTTP and Elasticsearch ports, a temp data dir, the
 * embedded engine, no config file, sample data off. Returns fetch-based request helpers that
 * authenticate as `elastic` and send `kbn-xsrf` unless told otherwise.
 */
export async function startTestPlatform(options: StartTestPlatformOptions = {}): Promise<TestPlatform> {
  const dataPath = options.dataPath ?? fs.mkdtempSync(path.join(os.tmpdir(), 'test-platform-'));
  const logs: LogRecord[] = [];
  const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
  const printFrom = options.printLogsFrom ? levels.indexOf(options.printLogsFrom) : Infinity;
  const extraDirs = options.pluginDirs ?? [];
  const extraIds = extraDirs.map((dir) => {
    const manifest = parseJsonc(fs.readFileSync(path.join(dir, 'kibana.jsonc'), 'utf8')) as { plugin?: { id?: unknown } };
    if (typeof manifest.plugin?.id !== 'string') throw new Error(`${dir}/kibana.jsonc has no plugin.id`);
    return manifest.plugin.id;
  });
  let platform: RunningPlatform;
  try {
    platform = await startPlatform({
      repoRoot: REPO_ROOT,
      configFile: null,
      argv: [],
      configOverrides: {
        'server.port': 0,
        'server.host': '127.0.0.1',
        'elasticsearch.embedded.port': 0,
        'path.data': dataPath,
        'security.bootstrapPassword': TEST_PASSWORD,
        'sampleData.enabled': false,
        ...options.config,
      },
      plugins: [...(options.plugins ?? []), ...extraIds],
      extraPluginDirs: extraDirs,
      bundlesDir: options.bundlesDir,
      logSink: (record) => {
        logs.push(record);
        if (levels.indexOf(record.level) >= printFrom) {
          // eslint-disable-next-line no-console
          console.log(`[${record.level}][${record.logger}] ${record.message}`);
        }
      },
    });
  } catch (error) {
    if (!options.keepData && !options.dataPath) fs.rmSync(dataPath, { recursive: true, force: true });
    throw error;
  }
  const password = platform.elasticPassword.password ?? TEST_PASSWORD;
  const es = new Client({ node: platform.esUrl });

  const request = async <T>(method: string, urlPath: string, opts: TestRequestOptions = {}): Promise<TestResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    const auth = opts.auth === undefined ? { username: 'elastic', password } : opts.auth;
    if (auth) headers.authorization = basicHeader(auth.username, auth.password);
    if ((opts.xsrf ?? true) && method.toUpperCase() !== 'GET') headers['kbn-xsrf'] = 'true';
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const prefix = opts.space ? `/s/${opts.space}` : '';
    const res = await fetch(`${platform.url}${prefix}${urlPath}`, { method: method.toUpperCase(), headers, body, redirect: 'manual' });
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
    let parsed: unknown = text;
    if (isJson && text !== '') parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  };

  let stopped = false;
  return {
    url: platform.url,
    esUrl: platform.esUrl,
    username: 'elastic',
    password,
    dataPath,
    platform,
    es,
    logs,
    request,
    get: (p, o) => request('GET', p, o),
    post: (p, body, o) => request('POST', p, { ...o, body }),
    put: (p, body, o) => request('PUT', p, { ...o, body }),
    patch: (p, body, o) => request('PATCH', p, { ...o, body }),
    delete: (p, o) => request('DELETE', p, o),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await es.close();
      await platform.stop();
      if (!options.keepData && !options.dataPath) fs.rmSync(dataPath, { recursive: true, force: true });
    },
  };
}
