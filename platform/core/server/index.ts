/**
 * Public surface of the platform core (server side), shaped after `@kbn/core/server`.
 * Plugins import contracts and types from here only.
 */
export { startPlatform, checkCoreConfig } from './platform';
export type { StartPlatformOptions, RunningPlatform } from './platform';
export type { CoreSetup, CoreStart, HttpServiceSetup, IBasePath, HttpServerInfo, FeaturesSetup } from './core_contracts';
export { KIBANA_VERSION } from './version';

export type {
  GlobalConfig,
  Plugin,
  PluginInitializer,
  PluginInitializerContext,
  PluginConfigDescriptor,
  PluginManifest,
} from './plugins';
export { PluginDependencyError, PluginLifecycleError, InvalidManifestError, parseJsonc } from './plugins';

export type { Logger, LogMeta, LogLevelName, LogRecord, LogSink } from './logging';
export { createMemorySink } from './logging';
export type { MemorySink } from './logging';

export { ConfigValidationError, CliArgsError, ConfigMergeError } from './config';
export type { CoreConfig } from './config';

export {
  KibanaRequest,
  KibanaResponse,
  kibanaResponseFactory,
  createFakeKibanaRequest,
  ELASTIC_HTTP_VERSION_HEADER,
  XSRF_MESSAGE,
} from './http';
export type {
  AuthenticatedUser,
  AddVersionOpts,
  InProcessRequest,
  InProcessResponse,
  CoreRequestHandlerContext,
  IKibanaResponse,
  IRouter,
  KibanaErrorBody,
  KibanaResponseFactory,
  PrivilegeRequirement,
  RequestHandler,
  RequestHandlerContext,
  RequestHandlerContextProvider,
  RouteAccess,
  RouteConfig,
  RouteMethod,
  RouteOptions,
  RouteSecurity,
  RouteValidatorConfig,
  VersionedRoute,
  VersionedRouteConfig,
  VersionedRouter,
} from './http';

export type { ElasticsearchServiceStart, ScopedClusterClient } from './elasticsearch';
export type { FeatureFlagsSetup, FeatureFlagsStart } from './feature_flags';
export type { SecurityServiceStart, KibanaFeature, KibanaFeatureConfig, SpacePrivileges } from './security';
export { hashPassword, verifyPassword } from './security';
export type { Space, SpacesServiceStart } from './spaces';
export { DEFAULT_SPACE } from './spaces';
export type { InjectedMetadata, BundleManifest } from './rendering';
