/** Starts an embedded node on a random port in a temp dir, with an official client and a raw HTTP helper, for integration tests. */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { startEmbeddedElasticsearch, type EmbeddedElasticsearch } from '../index';

export const quietLogger = { info: (): void => undefined, warn: (): void => undefined, error: (): void => undefined };

export interface Harness {
  es: EmbeddedElasticsearch;
  dataPath: string;
  /** The official client pointed at the node; it connects only when a test uses it. */
  client: Client;
  raw(method: string, path: string, body?: string | Buffer | object, headers?: Record<string, string>): Promise<RawResponse>;
  /** Closes the client, then stops the node. */
  stop(): Promise<void>;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

export function tempDataPath(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'es-rest-'));
}

export async function startHarness(dataPath = tempDataPath()): Promise<Harness> {
  const es = await startEmbeddedElasticsearch({ port: 0, dataPath, logger: quietLogger });
  const client = new Client({ node: es.url });
  return {
    es,
    dataPath,
    client,
    raw: (method, p, body, headers) => rawRequest(es.port, method, p, body, headers),
    stop: async () => {
      await client.close();
      await es.stop();
    },
  };
}

export function rawRequest(
  port: number,
  method: string,
  p: string,
  body?: string | Buffer | object,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const payload =
    body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const allHeaders: Record<string, string> = { ...headers };
  if (payload && !Object.keys(allHeaders).some((h) => h.toLowerCase() === 'content-type')) allHeaders['content-type'] = 'application/json';
  if (payload) allHeaders['content-length'] = String(payload.length);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers: allHeaders }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}
