/**
 * Browser entry (bundled as bootstrap.js): read the injected metadata, show the login page when logged
 * out, otherwise load the enabled plugins' bundles, start the browser core and render the chrome.
 */
import { EuiProvider } from '@elastic/eui';
import { EuiThemeBorealis } from '@elastic/eui-theme-borealis';
import { createRoot } from 'react-dom/client';
import { createBasePath, createHttpService, readInjectedMetadata, startCoreSystem, type PluginModule } from '../core/public';
import { LoginPage, safeNextUrl } from './login/login_page';
import { parseBundleManifest, pluginDescriptors } from './plugin_bundles';
import { FatalError } from './shell/fatal_error';
import { Shell } from './shell/shell';

async function bootstrap(): Promise<void> {
  const container = document.getElementById('kibana-body');
  if (!container) throw new Error('Missing #kibana-body');
  const root = createRoot(container);
  try {
    const metadata = readInjectedMetadata(document);
    const basePath = createBasePath(metadata.basePath, metadata.spaceId);
    const home = `${basePath.serverBasePath}/`;
    if (!metadata.user) {
      const http = createHttpService({ basePath });
      root.render(
        <EuiProvider theme={EuiThemeBorealis} colorMode="light">
          <LoginPage http={http} onLoggedIn={() => window.location.assign(safeNextUrl(window.location.search, home))} />
        </EuiProvider>,
      );
      return;
    }
    if (window.location.pathname === `${basePath.serverBasePath}/login`) {
      window.location.replace(safeNextUrl(window.location.search, home));
      return;
    }
    const bundlesBase = new URL('./', import.meta.url).toString();
    const res = await fetch(new URL('bundle-manifest.json', bundlesBase), { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`Cannot load bundle-manifest.json: HTTP ${res.status}`);
    const manifest = parseBundleManifest(await res.json());
    const plugins = pluginDescriptors(manifest, metadata, bundlesBase, (url) => import(url) as Promise<PluginModule>);
    const { core } = await startCoreSystem({ metadata, win: window, plugins });
    root.render(<Shell core={core} />);
  } catch (error) {
    // Also to the console, where e2e tests and developers look first.
    console.error(error);
    root.render(<FatalError error={error instanceof Error ? error : new Error(String(error))} />);
  }
}

void bootstrap();
