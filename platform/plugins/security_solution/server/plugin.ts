/**
 * Security app shell, server side: registers the `securitySolution` feature and the alert/note routes; at
 * start creates each space's alerts index (and the notes index) and seeds sample alerts into an empty
 * default space.
 */
import path from 'node:path';
import type { CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from '../../../core/server';
import { seedSampleData, writeManifest } from '../../../../scripts/sample_data';
import { FEATURE_ID, PRIVILEGE_ALL, PRIVILEGE_READ } from '../common/constants';
import { countAlerts, ensureAlertsIndex } from './alerts_index';
import type { SecuritySolutionConfig } from './config';
import { ensureNotesIndex } from './notes';
import { registerRoutes } from './routes';

export interface SecuritySolutionServerSetup {}
export interface SecuritySolutionServerStart {
  /** Creates the alerts index of a space created after start (idempotent). */
  ensureAlertsIndex(spaceId: string): Promise<void>;
}

export class SecuritySolutionPlugin implements Plugin<SecuritySolutionServerSetup, SecuritySolutionServerStart, object, object, CoreSetup, CoreStart> {
  private readonly logger: Logger;
  private readonly config: SecuritySolutionConfig;

  constructor(private readonly context: PluginInitializerContext) {
    this.logger = context.logger.get();
    this.config = context.config.get<SecuritySolutionConfig>();
  }

  setup(core: CoreSetup): SecuritySolutionServerSetup {
    core.features.registerKibanaFeature({
      id: FEATURE_ID,
      name: 'Security',
      category: { id: 'security', label: 'Security' },
      app: ['securitySolutionUI'],
      privileges: {
        all: { api: [PRIVILEGE_READ, PRIVILEGE_ALL], ui: ['show', 'crud'], app: ['securitySolutionUI'] },
        read: { api: [PRIVILEGE_READ], ui: ['show'], app: ['securitySolutionUI'] },
      },
    });
    registerRoutes(core.http.createRouter());
    return {};
  }

  async start(core: CoreStart): Promise<SecuritySolutionServerStart> {
    const esClient = core.elasticsearch.client.asInternalUser;
    await ensureNotesIndex(esClient);
    for (const space of core.spaces.getAll()) {
      const result = await ensureAlertsIndex(esClient, space.id);
      this.logger.debug('Alerts index ready', { spaceId: space.id, result });
    }
    const sample = this.config.sampleData;
    // Core's `sampleData.enabled` switches all sample data; ours only tunes (or additionally disables) it.
    const enabled = this.context.config.legacy.get().sampleData.enabled && sample.enabled;
    if (enabled && (await countAlerts(esClient, 'default')) === 0) {
      const started = Date.now();
      const res = await seedSampleData({ esClient, spaceId: 'default', count: sample.count, seed: sample.seed });
      const manifestPath = writeManifest(path.join(this.context.env.dataPath, 'security_solution', 'sample_data', 'ground_truth.default.json'), res.manifest);
      this.logger.info('Seeded sample alerts', { spaceId: 'default', count: res.indexed, ms: Date.now() - started, manifestPath });
    }
    return { ensureAlertsIndex: async (spaceId) => void (await ensureAlertsIndex(esClient, spaceId)) };
  }
}
