import type { PluginInitializerContext } from '../../../core/public';
import { ManagementPlugin } from './plugin';

export function plugin(_context: PluginInitializerContext) {
  return new ManagementPlugin();
}

export type { ManagementApp, ManagementAppMountParams, ManagementSetup, ManagementStart } from './types';
