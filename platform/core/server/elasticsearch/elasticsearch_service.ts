import path from 'node:path';
import { Client, SniffingTransport, type TransportOptions } from '@elastic/elasticsearch';
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
/** As Kibana's `elasticsearch.healthCheck.delay`: how often a running host checks that the cluster still answers. */
export const HEALTH_CHECK_INTERVAL_MS = 2_500;

export interface ElasticsearchHealth {
  available: boolean;
  /** Why it is unavailable (the client's error message). */
  reason?: string;
}

/** Seconds before retry `attempt` (1-based) once every node was tried: 50 ms, 100 ms, 200 ms. */
export const clusterRetryBackoff = (_min: number, _max: number, attempt: number): number => Math.min(0.2, 0.025 * 2 ** attempt);

/**
 * The client's transport with a short retry backoff: the default one (1 s, 2 s, 2 s) made every request during a
 * cluster outage take ~7 s before its error. Short waits still cover a reset keep-alive socket, and failing over to
 * another node never waits. (The client does not pass `retryBackoff` through, hence the subclass.)
 */
class ClusterTransport extends SniffingTransport {
  constructor(options: TransportOptions) {
    super({ ...options, retryBackoff: clusterRetryBackoff });
  }
}

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
  private healthTimer: NodeJS.Timeout | undefined;

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
        Transport: ClusterTransport,
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

  /**
   * Pings the cluster every HEALTH_CHECK_INTERVAL_MS after start and reports each change (an outage and the
   * recovery), so `/api/status` follows a cluster that goes away and comes back without a restart.
   */
  watchHealth(onChange: (health: ElasticsearchHealth) => void): void {
    const client = this.client;
    if (!client || this.healthTimer) return;
    let available = true;
    let checking = false;
    const check = async () => {
      if (checking) return;
      checking = true;
      try {
        await client.ping(undefined, { requestTimeout: HEALTH_CHECK_INTERVAL_MS, maxRetries: 0 });
        if (!available) {
          available = true;
          this.logger.info(`Elasticsearch at ${this.url} is available again`);
          onChange({ available: true });
        }
      } catch (error) {
        const reason = (error as Error).message;
        if (available) {
          available = false;
          this.logger.warn(`Elasticsearch at ${this.url} is unavailable: ${reason}`);
          onChange({ available: false, reason });
        }
      } finally {
        checking = false;
      }
    };
    this.healthTimer = setInterval(() => void check(), HEALTH_CHECK_INTERVAL_MS);
    this.healthTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.healthTimer = undefined;
    await this.client?.close().catch((error: Error) => this.logger.warn(`Closing the Elasticsearch client: ${error.message}`));
    this.client = undefined;
    if (this.embedded) {
      await this.embedded.stop();
      this.embedded = undefined;
    }
  }
}
