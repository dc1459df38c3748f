/** Registers the Security app (Alerts page) and exposes its extension points and alerts API. */
import { DEFAULT_APP_CATEGORIES, type CoreSetup, type CoreStart, type Plugin } from '../../../core/public';
import { ALERTS_PAGE_PATH, APP_ID, APP_PATH } from '../common/constants';
import { createAlertsApi } from './api/alerts_api';
import { createExtensionRegistry } from './extensions/extension_registry';
import type { SecuritySolutionPluginSetup, SecuritySolutionPluginStart } from './types';

export class SecuritySolutionPublicPlugin implements Plugin<SecuritySolutionPluginSetup, SecuritySolutionPluginStart> {
  private readonly extensions = createExtensionRegistry();

  setup(core: CoreSetup): SecuritySolutionPluginSetup {
    const extensions = this.extensions;
    core.application.register({
      id: APP_ID,
      title: 'Security',
      order: 1000,
      euiIconType: 'logoSecurity',
      category: DEFAULT_APP_CATEGORIES.security,
      appRoute: APP_PATH,
      deepLinks: [{ id: 'alerts', title: 'Alerts', path: ALERTS_PAGE_PATH }],
      mount: async (params) => {
        const [coreStart] = await core.getStartServices();
        const { renderApp } = await import('./application');
        return renderApp(coreStart, params, createAlertsApi(coreStart.http), extensions);
      },
    });
    return extensions.extensionPoints();
  }

  start(core: CoreStart): SecuritySolutionPluginStart {
    return {
      ...this.extensions.extensionPoints(),
      alertsApi: createAlertsApi(core.http),
      getAlertsUrl: (alertId) => core.application.getUrlForApp(APP_ID, { path: `${ALERTS_PAGE_PATH}${alertId ? `?alertId=${encodeURIComponent(alertId)}` : ''}` }),
    };
  }
}
