import type { PluginInitializerContext } from '../../../core/public';
import { SecuritySolutionPublicPlugin } from './plugin';

export function plugin(_context: PluginInitializerContext) {
  return new SecuritySolutionPublicPlugin();
}

export type {
  AlertDetails,
  AlertFlyoutHeaderActionExtension,
  AlertFlyoutTabExtension,
  AlertsBulkActionExtension,
  SelectedAlert,
  HeaderActionExtension,
  SecuritySolutionExtensionPoints,
  SecuritySolutionPluginSetup,
  SecuritySolutionPluginStart,
} from './types';
export type { AlertsApi } from './api/alerts_api';
