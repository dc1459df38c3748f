/** One index's shard: documents, versions, field indexes and the searchable view (spec §4, §12, §14). */
export { IndexShard } from './index_shard';
export type { GetResult, IndexSettings, ShardState, ShardStateDoc, ShardStateTombstone, UpdateRequest, WriteOptions, WriteOutcome } from './types';
export { intToByte4, byte4ToInt } from './norms';
