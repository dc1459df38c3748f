import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BehaviorSubject } from 'rxjs';
import { z } from 'zod/v4';
import { loadRawConfig, resolveConfig } from './config';
import type { CoreConfig, RawConfig } from './config';
import type { CoreSetup, CoreStart, IBasePath } from './core_contracts';
import { ElasticsearchService } from './elasticsearch';
import { FeatureFlagsService } from './feature_flags';
import { createRouter, HttpServer, RouteTable } from './http';
import type { CoreRequestHandlerContext, KibanaRequest, RequestHandlerContext, RequestHandlerContextProvider } from './http';
import { createLoggerFactory, createStreamSink } from './logging';
import type { Logger, LogSink } from './logging';
import { discoverPlugins, loadPluginModules, orderPlugins, PluginsSystem, withRequiredDependencies } from './plugins';
import type { LoadedPlugin, PluginInitializerContext, PluginManifest } from './plugins';
import { BundleStore, registerRenderingRoutes } from './rendering';
import { registerSecurityRoutes, SecurityService } from './security';
import type { ElasticPassword } from './security';
import { createSpacesService, spacePrefix } from './spaces';
import { registerStatusRoute } from './status/status';
import type { ServiceLevel, StatusSnapshot } from './status/status';
import { KIBANA_VERSION } from './version';

export interface StartPlatformOptions {
  repoRoot: string;
  /** Command-line arguments (`--server.port=5602`, `-c file`). */
  argv?: readonly string[];
  /** Config file used when argv names none; default `<repoRoot>/config/kibana.yml`, null for none. */
  configFile?: string | null;
  /** Settings applied over file and argv (nested or dotted keys). */
  configOverrides?: Record<string, unknown>;
  /** Only these plugins (plus what they require); default: every discovered plugin. */
  plugins?: readonly string[];
  /** More plugin folders (each holding a kibana.jsonc), e.g. test fixtures. */
  extraPluginDirs?: readonly string[];
  /** Where log records go; default stdout in the configured layout. */
  logSink?: LogSink;
  /** Browser bundles folder; default `<repoRoot>/target/public`. */
  bundlesDir?: string;
  env?: NodeJS.ProcessEnv;
}

export interface RunningPlatform {
  url: string;
  host: string;
  port: number;
  esUrl: string;
  dataPath: string;
  uuid: string;
  config: CoreConfig;
  elasticPassword: ElasticPassword;
  pluginIds: string[];
  coreStart: CoreStart;
  /** Start contracts of server plugins, by id. */
  pluginsStart: ReadonlyMap<string, unknown>;
  logger: Logger;
  stop(): Promise<void>;
}

function readOrCreateUuid(dataPath: string): string {
  const file = path.join(dataPath, 'uuid');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const uuid = randomUUID();
  fs.writeFileSync(file, `${uuid}\n`);
  return uuid;
}

/**
 * Boots the host the way Kibana does: config → plugins discovered and ordered → HTTP bound (503
 * while starting) → Elasticsearch → plugin setup → routes mounted → plugin start → available.
 * On any failure everything already started is stopped again before the error propagates.
 */
export async function startPlatform(options: StartPlatformOptions): Promise<RunningPlatform> {
  const cleanups: Array<() => Promise<void>> = [];
  const runCleanups = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    return await boot(options, cleanups, runCleanups);
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

/**
 * Reads and validates the core settings without loading any plugin code (plugin settings are only
 * checked for living under a discovered plugin's configPath), so scripts can fail fast on bad config.
 */
export function checkCoreConfig(
  options: Pick<StartPlatformOptions, 'repoRoot' | 'argv' | 'configFile' | 'configOverrides' | 'extraPluginDirs' | 'env'>
): { config: CoreConfig; raw: RawConfig; discovered: PluginManifest[] } {
  const raw = loadRawConfig({
    argv: options.argv,
    defaultConfigFile: options.configFile === null ? undefined : (options.configFile ?? path.join(options.repoRoot, 'config', 'kibana.yml')),
    overrides: options.configOverrides,
    env: options.env,
  });
  const discovered = discoverPlugins({ repoRoot: options.repoRoot, extraDirs: options.extraPluginDirs });
  const { core } = resolveConfig(
    raw,
    discovered.map((m) => ({ pluginId: m.id, path: m.configPath, schema: z.unknown() }))
  );
  return { config: core, raw, discovered };
}

async function boot(
  options: StartPlatformOptions,
  cleanups: Array<() => Promise<void>>,
  runCleanups: () => Promise<void>
): Promise<RunningPlatform> {
  const { raw, discovered } = checkCoreConfig(options);
  const selected = options.plugins ? withRequiredDependencies(discovered, options.plugins) : discovered;
  const ordered = orderPlugins(selected);
  const loaded = await loadPluginModules(ordered);
  const loadedIds = new Set(loaded.map((p) => p.manifest.id));
  const resolved = resolveConfig(raw, [
    ...loaded.map((p) => ({ pluginId: p.manifest.id, path: p.manifest.configPath, schema: p.configDescriptor?.schema })),
    // Settings of installed plugins that this run does not load are kept, not rejected.
    ...discovered
      .filter((m) => !loadedIds.has(m.id))
      .map((m) => ({ pluginId: m.id, path: m.configPath, schema: z.unknown() })),
  ]);
  const config = resolved.core;

  const loggerFactory = createLoggerFactory({
    levels: config.logging.levels,
    sink: options.logSink ?? createStreamSink({ layout: config.logging.layout }),
  });
  const logger = loggerFactory.get('root');
  const dataPath = path.resolve(config.path.data);
  fs.mkdirSync(dataPath, { recursive: true });
  const uuid = readOrCreateUuid(dataPath);

  const spaces = createSpacesService(config.spaces);
  const security = await SecurityService.create({ config: config.security, dataPath, logger: loggerFactory.get('security') });
  const featureFlags = new FeatureFlagsService(config.feature_flags.overrides, loggerFactory.get('feature_flags'));
  const featureFlagsStart = featureFlags.start();
  const elasticsearch = new ElasticsearchService(loggerFactory.get('elasticsearch'));
  const routeTable = new RouteTable();
  const contextProviders = new Map<string, RequestHandlerContextProvider<unknown>>();
  const bundles = new BundleStore(options.bundlesDir ?? path.join(options.repoRoot, 'target', 'public'));
  const pluginsSystem = new PluginsSystem<CoreSetup, CoreStart>(loaded, loggerFactory.get('plugins-system'));
  const pluginIds = loaded.map((p) => p.manifest.id);

  const phase$ = new BehaviorSubject<'starting' | 'available' | 'stopping'>('starting');
  let esLevel: ServiceLevel = 'unavailable';
  let esReason: string | undefined;
  const statusSnapshot = (): StatusSnapshot => {
    const phase = phase$.value;
    const level: ServiceLevel = phase === 'available' && esLevel === 'available' ? 'available' : 'unavailable';
    const summary = phase === 'starting' ? 'Kibana is starting' : phase === 'stopping' ? 'Kibana is shutting down' : level === 'available' ? 'All services and plugins are available' : 'Elasticsearch is unavailable';
    return {
      name: 'kibana',
      uuid,
      version: { number: KIBANA_VERSION, build_flavor: 'traditional' },
      status: {
        overall: { level, summary },
        core: {
          elasticsearch: {
            level: esLevel,
            summary: esLevel === 'available' ? 'Elasticsearch is available' : `Elasticsearch is not connected${esReason ? `: ${esReason}` : ''}`,
          },
          http: { level: 'available', summary: 'HTTP server is listening' },
        },
        plugins: Object.fromEntries(
          pluginIds.map((id) => [id, { level: phase === 'available' ? 'available' : 'unavailable', summary: phase === 'available' ? 'started' : phase }])
        ),
      },
    };
  };

  let coreStart: CoreStart | undefined;
  const requireCoreStart = () => {
    if (!coreStart) throw new Error('Core services are not started yet');
    return coreStart;
  };

  const createContext = (request: KibanaRequest): RequestHandlerContext => {
    const context = {} as RequestHandlerContext & Record<string, Promise<unknown>>;
    let core: Promise<CoreRequestHandlerContext> | undefined;
    Object.defineProperty(context, 'core', {
      enumerable: true,
      get: () =>
        (core ??= Promise.resolve().then(() => {
          const start = requireCoreStart();
          const scoped = start.elasticsearch.client.asScoped(request);
          return {
            elasticsearch: { client: { asCurrentUser: scoped.asCurrentUser, asInternalUser: scoped.asInternalUser } },
            security: { authc: { getCurrentUser: () => start.security.authc.getCurrentUser(request) } },
            spaces: { getSpaceId: () => start.spaces.getSpaceId(request) },
            featureFlags: { getBooleanValue: (key: string, fallback: boolean) => start.featureFlags.getBooleanValue(key, fallback) },
          };
        })),
    });
    for (const [name, provider] of contextProviders) {
      let value: Promise<unknown> | undefined;
      Object.defineProperty(context, name, {
        enumerable: true,
        get: () => (value ??= Promise.resolve().then(() => provider(context, request))),
      });
    }
    return context;
  };

  const http = new HttpServer({
    logger: loggerFactory.get('http', 'server'),
    maxPayload: config.server.maxPayload,
    authenticate: (headers) => security.authenticate(headers),
    authorize: (user, spaceId, requirements) => security.authorize(user, spaceId, requirements),
    spaceExists: (id) => spaces.exists(id),
    createContext,
    notReadyStatus: statusSnapshot,
  });
  const address = await http.listen({ host: config.server.host, port: config.server.port });
  cleanups.push(() => http.stop());
  const displayHost = address.host === '0.0.0.0' ? '127.0.0.1' : address.host;
  const url = `http://${displayHost}:${address.port}`;
  logger.info(`HTTP server listening on ${url} (starting)`);

  cleanups.push(() => elasticsearch.stop());
  const esStart = await elasticsearch.start(config.elasticsearch, dataPath);
  esLevel = 'available';
  elasticsearch.watchHealth((health) => {
    esLevel = health.available ? 'available' : 'unavailable';
    esReason = health.reason;
  });

  const basePath: IBasePath = {
    serverBasePath: '',
    get: (request) => spacePrefix(spaces.getSpaceId(request)),
    prepend: (p) => p,
    remove: (p) => p,
  };
  const serverInfo = () => ({ hostname: displayHost, port: address.port, protocol: 'http' as const });

  coreStart = {
    elasticsearch: esStart,
    featureFlags: featureFlagsStart,
    security: security.start(),
    spaces,
    http: { basePath, getServerInfo: serverInfo, inject: (request) => http.inject(request) },
    features: { getKibanaFeatures: () => security.features.getAll() },
  };

  // getStartServices() resolves once every plugin has started, as in Kibana.
  let markStarted: () => void = () => undefined;
  const allStarted = new Promise<void>((resolve) => {
    markStarted = resolve;
  });

  const coreRouter = createRouter(routeTable, 'core');
  registerStatusRoute(coreRouter, statusSnapshot);
  registerSecurityRoutes(coreRouter, security, spaces);
  registerRenderingRoutes(coreRouter, {
    bundles,
    metadata: (_request, spaceId, user) => ({
      version: KIBANA_VERSION,
      basePath: '',
      spaceId,
      user,
      plugins: loaded
        .filter((p) => p.manifest.browser)
        .map((p) => {
          const exposed = p.configDescriptor?.exposeToBrowser;
          const pluginConfig = resolved.plugins.get(p.manifest.id) as Record<string, unknown> | undefined;
          if (!exposed || !pluginConfig) return { id: p.manifest.id };
          const keys = Object.entries(exposed).filter(([, on]) => on === true).map(([k]) => k);
          return { id: p.manifest.id, config: Object.fromEntries(keys.map((k) => [k, pluginConfig[k]])) };
        }),
      featureFlags: featureFlagsStart.getOverrides(),
    }),
  });

  const contextFor = (plugin: LoadedPlugin): PluginInitializerContext => {
    const pluginConfig = resolved.plugins.get(plugin.manifest.id);
    return {
      opaqueId: Symbol(plugin.manifest.id),
      manifest: plugin.manifest,
      env: {
        repoRoot: options.repoRoot,
        dataPath,
        packageInfo: { version: KIBANA_VERSION },
        mode: { dev: process.env.NODE_ENV !== 'production', prod: process.env.NODE_ENV === 'production' },
      },
      config: {
        get: <T>() => pluginConfig as T,
        create: <T>() => new BehaviorSubject(pluginConfig as T).asObservable(),
        legacy: {
          get: () => ({
            elasticsearch: { requestTimeout: config.elasticsearch.requestTimeout },
            path: { data: dataPath },
            sampleData: { enabled: config.sampleData.enabled },
          }),
        },
      },
      logger: { get: (...names: string[]) => loggerFactory.get('plugins', plugin.manifest.id, ...names) },
    };
  };
  await pluginsSystem.initialize(contextFor);
  cleanups.push(() => pluginsSystem.stop());

  const coreSetupFor = (plugin: LoadedPlugin): CoreSetup => {
    const id = plugin.manifest.id;
    const register = (feature: Parameters<CoreSetup['features']['registerKibanaFeature']>[0]) => security.features.register(feature);
    return {
      http: {
        createRouter: () => createRouter(routeTable, id),
        registerRouteHandlerContext: (name, provider) => {
          if (name === 'core' || contextProviders.has(name)) throw new Error(`Route handler context ${name} is already registered`);
          contextProviders.set(name, provider as RequestHandlerContextProvider<unknown>);
        },
        basePath,
        getServerInfo: serverInfo,
      },
      elasticsearch: { embedded: elasticsearch.isEmbedded },
      featureFlags: featureFlags.setup(),
      features: { registerKibanaFeature: register },
      security: { registerFeature: register },
      getStartServices: () =>
        allStarted.then(() => [
          requireCoreStart(),
          pluginsSystem.startContractsFor(plugin.manifest),
          pluginsSystem.startContracts.get(id),
        ]),
    };
  };
  await pluginsSystem.setup(coreSetupFor);
  security.features.lock();
  security.checkRoleFeatures();

  await http.mount(routeTable.seal());
  await pluginsSystem.start(() => requireCoreStart());
  markStarted();
  phase$.next('available');
  http.setRunning();
  logger.info(`Kibana is available at ${url}`, { plugins: pluginIds.join(','), dataPath });

  let stopped: Promise<void> | undefined;
  return {
    url,
    host: displayHost,
    port: address.port,
    esUrl: elasticsearch.esUrl,
    dataPath,
    uuid,
    config,
    elasticPassword: security.elasticPassword,
    pluginIds,
    coreStart,
    pluginsStart: pluginsSystem.startContracts,
    logger,
    stop: () => {
      stopped ??= (async () => {
        phase$.next('stopping');
        logger.info('Stopping');
        await runCleanups();
        logger.info('Stopped');
      })();
      return stopped;
    },
  };
}
