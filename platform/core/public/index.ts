/** Browser core: the contracts browser plugins receive (Kibana's `@kbn/core/public`). */
export * from './application';
export * from './chrome';
export * from './http';
export { parseInjectedMetadata, readInjectedMetadata, injectedMetadataSchema, INJECTED_METADATA_ELEMENT_ID } from './injected_metadata/injected_metadata';
export type { CurrentUser, InjectedMetadata } from './injected_metadata/injected_metadata';
export { createToastsService } from './notifications/toasts_service';
export type { NotificationsStart, Toast, ToastInput, ToastsApi } from './notifications/toasts_service';
export { createOverlayService } from './overlays/overlay_service';
export type { InternalOverlayStart, OpenOverlay, OverlayFlyoutOpenOptions, OverlayModalConfirmOptions, OverlayModalOpenOptions, OverlayRef, OverlayStart } from './overlays/overlay_service';
export { orderPlugins, PluginLoadError, runPlugins } from './plugins/plugins_service';
export type { BrowserPluginDescriptor, PluginsRun } from './plugins/plugins_service';
export { createSecurity, LOGIN_PATH, LOGOUT_URL, loginUrl, startCoreSystem } from './core_system';
export type { InternalCoreStart } from './core_system';
export { KibanaRenderContextProvider, toMountPoint } from './rendering/render_context';
export type {
  CoreSetup,
  CoreStart,
  FeatureFlagsStart,
  Plugin,
  PluginInitializer,
  PluginInitializerContext,
  PluginModule,
  SecurityStart,
  SpacesStart,
} from './types';
