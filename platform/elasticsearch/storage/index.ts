export { crc32c } from './crc32c';
export { encodeRecord, encodeRecords, decodeRecords, WalCorruptionError, RECORD_HEADER_BYTES } from './wal_codec';
export type { DecodedLog } from './wal_codec';
export { WriteAheadLog, walFileName } from './wal';
export { acquireNodeLock, NodeLockError } from './node_lock';
export type { NodeLock } from './node_lock';
export { writeFileAtomic, writeLinesAtomic, fsyncDirectory } from './durable_fs';
export { DataStore, DEFAULT_FLUSH_THRESHOLD_BYTES } from './data_store';
export type { StorageLogger, Recovered, DataStoreOptions } from './data_store';
