import type { Client } from '@elastic/elasticsearch';
import { alertValidationSettingsSchema, type AlertValidationSettings } from './settings';

/** One document per space (`_id` = space id) in a hidden index of the assistant's storage prefix. */
export class AlertValidationSettingsStore {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly esClient: Client,
    private readonly index: string,
  ) {}

  async get(spaceId: string): Promise<AlertValidationSettings> {
    await this.ensureIndex();
    const res = await this.esClient.get<AlertValidationSettings>({ index: this.index, id: spaceId }, { ignore: [404] });
    if (!res.found || !res._source) return {};
    // Stored by us, but parse anyway so a hand-edited document can never reach the workflow malformed.
    const parsed = alertValidationSettingsSchema.safeParse(res._source);
    return parsed.success ? parsed.data : {};
  }

  async put(spaceId: string, settings: AlertValidationSettings): Promise<AlertValidationSettings> {
    await this.ensureIndex();
    await this.esClient.index({ index: this.index, id: spaceId, document: settings, refresh: 'wait_for' });
    return settings;
  }

  private ensureIndex(): Promise<void> {
    this.ready ??= this.esClient.indices
      .create(
        { index: this.index, settings: { index: { hidden: true, number_of_shards: 1, auto_expand_replicas: '0-1' } }, mappings: { dynamic: false, properties: {} } },
        { ignore: [400] },
      )
      .then(() => undefined)
      .catch((error: unknown) => {
        this.ready = undefined;
        throw error;
      });
    return this.ready;
  }
}
