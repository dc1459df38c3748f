/**
 * The embedded Elasticsearch-compatible engine: `startEmbeddedElasticsearch` recovers the node from
 * its data directory, serves the REST subset on loopback and writes `<data>/embedded-es.json`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EsNode } from './node';
import { ROUTES, startRestServer } from './rest';
import { writeFileAtomic } from './storage';

export const DEFAULT_VERSION = '9.0.0';

export interface EmbeddedElasticsearchLogger {
  info(message: string, meta?: object): void;
  warn(message: string, meta?: object): void;
  error(message: string, meta?: object): void;
}

export interface EmbeddedElasticsearchOptions {
  /** 0 = a random free port. Default 9200. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  dataPath: string;
  logger?: EmbeddedElasticsearchLogger;
  /** The version presented by `GET /` (default 9.0.0). */
  version?: string;
  /** Flush (snapshot + log trim) when the log grows beyond this (default 128 MB). */
  flushThresholdBytes?: number;
  /** Start despite a corrupted write-ahead log by discarding it from the corruption on (`--repair`). */
  repair?: boolean;
  /** Require HTTP basic auth with these credentials (401 `security_exception` otherwise). */
  basicAuth?: { username: string; password: string };
}

export interface EmbeddedElasticsearch {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const consoleLogger: EmbeddedElasticsearchLogger = {
  info: (m, meta) => console.log(`[embedded-es] ${m}${meta ? ` ${JSON.stringify(meta)}` : ''}`),
  warn: (m, meta) => console.warn(`[embedded-es] ${m}${meta ? ` ${JSON.stringify(meta)}` : ''}`),
  error: (m, meta) => console.error(`[embedded-es] ${m}${meta ? ` ${JSON.stringify(meta)}` : ''}`),
};

export async function startEmbeddedElasticsearch(options: EmbeddedElasticsearchOptions): Promise<EmbeddedElasticsearch> {
  const logger = options.logger ?? consoleLogger;
  const host = options.host ?? '127.0.0.1';
  const version = options.version ?? DEFAULT_VERSION;
  const dataPath = path.resolve(options.dataPath);
  const node = await EsNode.open({ dataPath, logger, flushThresholdBytes: options.flushThresholdBytes, repair: options.repair });
  let server;
  try {
    server = await startRestServer({
      node,
      info: { version, nodeName: os.hostname(), clusterName: 'embedded-elasticsearch' },
      routes: ROUTES,
      logger,
      host,
      port: options.port ?? 9200,
      basicAuth: options.basicAuth,
    });
  } catch (e) {
    await node.close();
    throw e;
  }
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  const infoFile = path.join(dataPath, 'embedded-es.json');
  await writeFileAtomic(infoFile, JSON.stringify({ url, pid: process.pid, version }, null, 2));
  logger.info('Embedded Elasticsearch started', { url, dataPath, version });
  let stopping: Promise<void> | undefined;
  return {
    url,
    port: server.port,
    stop() {
      stopping ??= (async () => {
        await server.close();
        await node.close();
        fs.rmSync(infoFile, { force: true });
        logger.info('Embedded Elasticsearch stopped', { url });
      })();
      return stopping;
    },
  };
}
