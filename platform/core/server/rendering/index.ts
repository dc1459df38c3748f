export { renderPage, renderBundlesMissingPage, jsonForScript } from './render_page';
export type { InjectedMetadata, BundleManifest } from './render_page';
export { BundleStore, BUNDLE_MANIFEST, contentTypeOf, isContentHashed } from './bundles';
export { registerRenderingRoutes, BUNDLES_PATH } from './routes';
