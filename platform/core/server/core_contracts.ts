import type { ElasticsearchServiceStart } from './elasticsearch';
import type { FeatureFlagsSetup, FeatureFlagsStart } from './feature_flags';
import type { InProcessRequest, InProcessResponse, IRouter, KibanaRequest, RequestHandlerContext, RequestHandlerContextProvider } from './http';
import type { SecurityServiceStart, KibanaFeature, KibanaFeatureConfig } from './security';
import type { SpacesServiceStart } from './spaces';

export interface IBasePath {
  /** The server's base path (always '' here: no server.basePath setting). */
  readonly serverBasePath: string;
  /** Base path of a request including its space prefix (`/s/<id>` outside the default space). */
  get(request: KibanaRequest): string;
  prepend(path: string): string;
  remove(path: string): string;
}

export interface HttpServerInfo {
  hostname: string;
  port: number;
  protocol: 'http';
}

export interface HttpServiceSetup {
  createRouter<Context extends RequestHandlerContext = RequestHandlerContext>(): IRouter<Context>;
  registerRouteHandlerContext<T>(contextName: string, provider: RequestHandlerContextProvider<T>): void;
  basePath: IBasePath;
  getServerInfo(): HttpServerInfo;
}

export interface FeaturesSetup {
  registerKibanaFeature(feature: KibanaFeatureConfig): void;
}

export interface CoreSetup<TPluginsStart extends object = object, TStart = unknown> {
  http: HttpServiceSetup;
  elasticsearch: { readonly embedded: boolean };
  featureFlags: FeatureFlagsSetup;
  features: FeaturesSetup;
  /** Same registry as `features`, under the name PLATFORM_CONTRACTS.md also gives it. */
  security: { registerFeature(feature: KibanaFeatureConfig): void };
  getStartServices(): Promise<[CoreStart, TPluginsStart, TStart]>;
}

export interface CoreStart {
  elasticsearch: ElasticsearchServiceStart;
  featureFlags: FeatureFlagsStart;
  security: SecurityServiceStart;
  spaces: SpacesServiceStart;
  http: {
    basePath: IBasePath;
    getServerInfo(): HttpServerInfo;
    /**
     * Not in Kibana: runs a request through this host's router in-process as the given user (privileges enforced),
     * for the workflow engine's `kibana.request` transport.
     */
    inject(request: InProcessRequest): Promise<InProcessResponse>;
  };
  features: { getKibanaFeatures(): KibanaFeature[] };
}
