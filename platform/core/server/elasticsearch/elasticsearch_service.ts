import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import type { CoreConfig } from '../config';
import type { KibanaRequest } from '../http';
import type { Logger } from '../logging';

export interface ScopedClusterClient {
  asCurrentUser: Client;
  asInternalUser: Client;
}

export interface ElasticsearchServiceStart {
  client: {
    asInternalUser: Client;
    asScoped(request: KibanaRequest): ScopedClusterClient;
  };
}

interface EmbeddedEngine {
  readonly url: string;
  stop(): Promise<void>;
}

export const READY_TIMEOUT_MS = 60_000;

/** Only these request headers can ever reach Elasticsearch from asCurrentUser, whatever the whitelist says. */
function pickHeaders(headers: KibanaRequest['headers'], whitelist: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of whitelist) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/**
 * One Elasticsearch client for the platform: the configured cluster (`elasticsearch.hosts`) or the
 * embedded engine started under `<path.data>/elasticsearch` when no hosts are set.
 */
export class ElasticsearchService {
  private embedded: EmbeddedEngine | undefined;
  private client: Client | undefined;
  private url: string | undefined;

  constructor(private readonly logger: Logger) {}

  get esUrl(): string {
    if (!this.url) throw new Error('Elasticsearch is not started');
    return this.url;
  }

  get isEmbedded(): boolean {
    return this.embedded !== undefined;
  }

  async start(config: CoreConfig['elasticsearch'], dataPath: string): Promise<ElasticsearchServiceStart> {
    if (config.hosts) {
      this.url = config.hosts[0];
      this.client = new Client({
        nodes: config.hosts,
        requestTimeout: config.requestTimeout,
        auth: config.apiKey
          ? { apiKey: config.apiKey }
          : config.username !== undefined && config.password !== undefined
            ? { username: config.username, password: config.password }
            : undefined,
      });
    } else {
      const { startEmbeddedElasticsearch } = await import('../../../elasticsearch');
      const engineLogger = this.logger.get('embedded');
      const engine: EmbeddedEngine = await startEmbeddedElasticsearch({
        port: config.embedded.port,
        host: '127.0.0.1',
        dataPath: path.join(dataPath, 'elasticsearch'),
        logger: {
          info: (m: string, meta?: object) => engineLogger.info(m, { ...meta }),
          warn: (m: string, meta?: object) => engineLogger.warn(m, { ...meta }),
          error: (m: string, meta?: object) => engineLogger.error(m, { ...meta }),
        },
      });
      this.embedded = engine;
      this.url = engine.url;
      this.client = new Client({ node: engine.url, requestTimeout: config.requestTimeout });
      this.logger.info(`Embedded Elasticsearch-compatible engine listening on ${engine.url}`, {
        dataPath: path.join(dataPath, 'elasticsearch'),
      });
    }
    await this.waitUntilReady(this.client);
    const internal = this.client;
    const embedded = this.isEmbedded;
    const whitelist = config.requestHeadersWhitelist;
    return {
      client: {
        asInternalUser: internal,
        asScoped: (request) => {
          // The embedded engine has no users: the current user acts with the internal client.
          const headers = embedded ? {} : pickHeaders(request.headers, whitelist);
          return {
            asInternalUser: internal,
            asCurrentUser: Object.keys(headers).length > 0 ? internal.child({ headers }) : internal,
          };
        },
      },
    };
  }

  private async waitUntilReady(client: Client): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let lastError: unknown;
    let warned = false;
    while (Date.now() < deadline) {
      try {
        const info = await client.info();
        this.logger.info(`Connected to Elasticsearch ${info.version.number} at ${this.url}`);
        return;
      } catch (error) {
        lastError = error;
        if (!warned) {
          this.logger.warn(`Waiting for Elasticsearch at ${this.url}: ${(error as Error).message}`);
          warned = true;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    throw new Error(`Elasticsearch at ${this.url} did not answer within ${READY_TIMEOUT_MS / 1000}s: ${(lastError as Error)?.message}`);
  }

  async stop(): Promise<void> {
    await this.client?.close().catch((error: Error) => this.logger.warn(`Closing the Elasticsearch client: ${error.message}`));
    this.client = undefined;
    if (this.embedded) {
      await this.embedded.stop();
      this.embedded = undefined;
    }
  }
}
