/** The browser plugin contract (Kibana's `@kbn/core/public` shapes, trimmed to what this host provides). */
import type { Observable } from 'rxjs';
import type { ApplicationSetup, ApplicationStart } from './application';
import type { ChromeStart } from './chrome';
import type { HttpSetup, HttpStart } from './http';
import type { CurrentUser } from './injected_metadata/injected_metadata';
import type { NotificationsStart } from './notifications/toasts_service';
import type { OverlayStart } from './overlays/overlay_service';

export interface FeatureFlagsStart {
  getBooleanValue(key: string, fallback: boolean): boolean;
  getBooleanValue$(key: string, fallback: boolean): Observable<boolean>;
  getStringValue(key: string, fallback: string): string;
}

export interface SecurityStart {
  authc: { getCurrentUser(): Promise<CurrentUser> };
  logout(): Promise<void>;
}

export interface SpacesStart {
  getSpaceId(): string;
}

export interface CoreSetup<TPluginsStart extends object = object, TStart = unknown> {
  application: ApplicationSetup;
  http: HttpSetup;
  notifications: NotificationsStart;
  featureFlags: FeatureFlagsStart;
  getStartServices(): Promise<[CoreStart, TPluginsStart, TStart]>;
}

export interface CoreStart {
  application: ApplicationStart;
  http: HttpStart;
  overlays: OverlayStart;
  notifications: NotificationsStart;
  chrome: ChromeStart;
  featureFlags: FeatureFlagsStart;
  security: SecurityStart;
  spaces: SpacesStart;
}

export interface PluginInitializerContext<TConfig = Record<string, unknown>> {
  readonly opaqueId: string;
  readonly config: { get<T = TConfig>(): T };
  readonly env: { packageInfo: { version: string } };
}

export interface Plugin<TSetup = unknown, TStart = unknown, TPluginsSetup extends object = object, TPluginsStart extends object = object> {
  setup(core: CoreSetup<TPluginsStart, TStart>, plugins: TPluginsSetup): TSetup | Promise<TSetup>;
  start(core: CoreStart, plugins: TPluginsStart): TStart | Promise<TStart>;
  stop?(): void;
}

export type PluginInitializer<TSetup = unknown, TStart = unknown, TPluginsSetup extends object = object, TPluginsStart extends object = object> = (
  context: PluginInitializerContext,
) => Plugin<TSetup, TStart, TPluginsSetup, TPluginsStart>;

/** What a plugin's `public/index.ts` exports. */
export interface PluginModule {
  plugin: PluginInitializer<unknown, unknown, Record<string, unknown>, Record<string, unknown>>;
}
