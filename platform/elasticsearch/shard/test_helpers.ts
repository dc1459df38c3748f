import type { IndexSettings } from './types';
import { IndexShard } from './index_shard';

export function testSettings(overrides: Partial<IndexSettings> = {}): IndexSettings {
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

export function newShard(mappings?: unknown, overrides: Partial<IndexSettings> = {}): IndexShard {
  return IndexShard.create({ name: 'test', uuid: 'uuid-1', settings: testSettings(overrides), mappings });
}
