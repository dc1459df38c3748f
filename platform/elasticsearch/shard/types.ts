export interface IndexSettings {
  numberOfShards: number;
  numberOfReplicas: number;
  hidden: boolean;
  /** ms; -1 = off. */
  refreshInterval: number;
  maxResultWindow: number;
  maxInnerResultWindow: number;
  maxTermsCount: number;
  totalFieldsLimit: number;
  ignoreMalformed: boolean;
  defaultFields: string[];
  /** Flat `index.x` → string, as stored. */
  raw: Record<string, string>;
}

export interface WriteOptions {
  opType?: 'index' | 'create';
  ifSeqNo?: number;
  ifPrimaryTerm?: number;
  routing?: string;
}

export interface WriteOutcome {
  result: 'created' | 'updated' | 'deleted' | 'not_found' | 'noop';
  id: string;
  version: number;
  seqNo: number;
  primaryTerm: number;
  mappingChanged: boolean;
}

export interface UpdateRequest {
  doc?: Record<string, unknown>;
  upsert?: Record<string, unknown>;
  docAsUpsert?: boolean;
  /** Default true. */
  detectNoop?: boolean;
}

export type GetResult =
  | { found: false }
  | {
      found: true;
      id: string;
      version: number;
      seqNo: number;
      primaryTerm: number;
      /** Raw JSON as received. */
      source: string;
      routing?: string;
      /** Fields listed in the `_ignored` metadata field (ignore_malformed / ignore_above), if any. */
      ignored?: string[];
    };

/** One live document in a `ShardState` (in seq_no order). */
export interface ShardStateDoc {
  id: string;
  source: string;
  version: number;
  seqNo: number;
  primaryTerm: number;
  routing?: string;
}

export interface ShardStateTombstone {
  id: string;
  version: number;
  seqNo: number;
  primaryTerm: number;
}

/** JSON-serialisable snapshot of a shard (for storage snapshots). */
export interface ShardState {
  formatVersion: 1;
  name: string;
  uuid: string;
  settings: IndexSettings;
  mappings: Record<string, unknown>;
  maxSeqNo: number;
  docs: ShardStateDoc[];
  tombstones: ShardStateTombstone[];
}
