import type { AuthenticatedUser } from '../http';

export interface InjectedMetadata {
  version: string;
  basePath: string;
  spaceId: string;
  user: AuthenticatedUser | null;
  plugins: Array<{ id: string; config?: Record<string, unknown> }>;
  featureFlags: Record<string, unknown>;
}

export interface BundleManifest {
  entry: string;
  plugins: Array<{ id: string; entry: string }>;
  css?: string[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** JSON inside <script> must not be able to close the tag or open a comment. */
export const jsonForScript = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function renderPage(options: { metadata: InjectedMetadata; manifest: BundleManifest; bundlesPath: string }): string {
  const { metadata, manifest, bundlesPath } = options;
  const css = (manifest.css ?? [])
    .map((href) => `    <link rel="stylesheet" href="${escapeHtml(`${bundlesPath}/${href}`)}">`)
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8">',
    '    <meta name="viewport" content="width=device-width">',
    '    <title>Elastic</title>',
    ...(css ? [css] : []),
    '  </head>',
    '  <body>',
    '    <div id="kibana-body"></div>',
    `    <script id="kbn-injected-metadata" type="application/json">${jsonForScript(metadata)}</script>`,
    `    <script type="module" src="${escapeHtml(`${bundlesPath}/${manifest.entry}`)}"></script>`,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

export function renderBundlesMissingPage(bundlesDir: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Elastic</title></head><body>',
    `<p>The browser bundles are not built (no bundle-manifest.json in ${escapeHtml(bundlesDir)}).</p>`,
    '<p>Run <code>npm run build:browser</code>, or start with <code>npm start</code>, which builds them.</p>',
    '</body></html>',
    '',
  ].join('\n');
}
