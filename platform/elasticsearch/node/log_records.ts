/**
 * What the node writes to the write-ahead log. Document records carry the outcome (`seq_no`, `version`)
 * so replay can check that the deterministic shard reproduced exactly the acknowledged state.
 * Updates are logged as `index` of the resulting source (replaying the merge is not needed).
 */
import type { RawSettings } from './index_settings';
import type { AliasDefinition, ComponentTemplate, IndexTemplate } from './templates';

export type LogRecord =
  | { op: 'init'; cluster_uuid: string }
  | {
      op: 'create_index';
      name: string;
      uuid: string;
      settings: RawSettings;
      mappings: Record<string, unknown>;
      aliases: Record<string, AliasDefinition>;
    }
  | { op: 'delete_index'; name: string }
  | { op: 'put_mapping'; index: string; mapping: Record<string, unknown> }
  | { op: 'put_settings'; index: string; settings: RawSettings }
  | { op: 'set_aliases'; indices: Record<string, Record<string, AliasDefinition>> }
  | { op: 'put_template'; name: string; template: IndexTemplate }
  | { op: 'delete_template'; name: string }
  | { op: 'put_component'; name: string; template: ComponentTemplate }
  | { op: 'delete_component'; name: string }
  | { op: 'cluster_settings'; persistent: Record<string, string> }
  | { op: 'index'; index: string; id: string; source: string; routing?: string; seq_no: number; version: number }
  | { op: 'delete'; index: string; id: string; routing?: string; seq_no: number; version: number };

/**
 * Snapshot lines: one `node` line, then per index an `index` line (its shard state with the large
 * arrays emptied) followed by `items` lines that refill those arrays in chunks.
 */
export type SnapshotLine =
  | {
      t: 'node';
      format: 1;
      cluster_uuid: string;
      templates: Record<string, IndexTemplate>;
      components: Record<string, ComponentTemplate>;
      cluster_settings: Record<string, string>;
    }
  | {
      t: 'index';
      name: string;
      uuid: string;
      settings: RawSettings;
      aliases: Record<string, AliasDefinition>;
      shard: Record<string, unknown>;
    }
  | { t: 'items'; key: string; items: unknown[] };
