/** Settings of a one-shard test index: the engine defaults, with the overrides a test asks for. */
import type { IndexSettings } from '../shard';

export function testIndexSettings(overrides: Partial<IndexSettings> = {}): IndexSettings {
  return {
    numberOfShards: 1,
    numberOfReplicas: 1,
    hidden: false,
    refreshInterval: 1000,
    maxResultWindow: 10000,
    maxInnerResultWindow: 100,
    maxTermsCount: 65536,
    totalFieldsLimit: 1000,
    ignoreMalformed: false,
    defaultFields: ['*'],
    raw: {},
    ...overrides,
  };
}
