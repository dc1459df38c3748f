/** Registers the Stack Management app; other plugins add settings apps through the setup contract. */
import { DEFAULT_APP_CATEGORIES, type CoreSetup, type CoreStart, type Plugin } from '../../../core/public';
import { MANAGEMENT_TITLE } from './constants';
import { createManagementRegistry } from './registry';
import type { ManagementSetup, ManagementStart } from './types';

export class ManagementPlugin implements Plugin<ManagementSetup, ManagementStart> {
  private readonly registry = createManagementRegistry();
  setup(core: CoreSetup): ManagementSetup {
    const registry = this.registry;
    core.application.register({
      id: 'management',
      title: MANAGEMENT_TITLE,
      order: 9000,
      euiIconType: 'managementApp',
      category: DEFAULT_APP_CATEGORIES.management,
      mount: async (params) => {
        const [coreStart] = await core.getStartServices();
        // Loaded on first visit: keeps the management UI out of the initial page load.
        const { renderManagementApp } = await import('./management_app');
        return renderManagementApp(coreStart, registry, params);
      },
    });
    return { registerApp: (app) => registry.register(app) };
  }

  start(core: CoreStart): ManagementStart {
    return {
      getUrlForApp: (id, path = '') => core.application.getUrlForApp('management', { path: `/${encodeURIComponent(id)}${path}` }),
    };
  }
}
