import { errors, type Client } from '@elastic/elasticsearch';
import type { ConnectorTypeId } from '../connector_types';

/** One hidden index for all spaces; every document carries its `namespace` and every read filters on it. */
export const ACTIONS_INDEX = '.kibana-actions';

export interface StoredConnector {
  id: string;
  name: string;
  actionTypeId: ConnectorTypeId;
  config: Record<string, unknown>;
  /** AES-256-GCM payload (encryption/secrets_crypto), never the plaintext. */
  secrets: string;
  createdAt: string;
  updatedAt: string;
  createdBy?: string;
  updatedBy?: string;
}

export interface StoredVersion {
  seqNo: number;
  primaryTerm: number;
}

interface ActionDoc {
  type: 'action';
  namespace: string;
  action: { id: string; name: string; actionTypeId: ConnectorTypeId; config: Record<string, unknown>; secrets: string };
  created_at: string;
  updated_at: string;
  created_by?: string;
  updated_by?: string;
}

interface SettingsDoc {
  type: 'config';
  namespace: string;
  settings: Record<string, unknown>;
  updated_at: string;
}

export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflictError';
  }
}

export interface ConnectorsStore {
  list(spaceId: string): Promise<StoredConnector[]>;
  get(spaceId: string, id: string): Promise<(StoredConnector & { version: StoredVersion }) | undefined>;
  /** Throws StoreConflictError when the id exists in the space. */
  create(spaceId: string, connector: StoredConnector): Promise<void>;
  /** Optimistic: throws StoreConflictError when someone else wrote since `version`. */
  update(spaceId: string, connector: StoredConnector, version: StoredVersion): Promise<void>;
  /** false when there was nothing to delete. */
  delete(spaceId: string, id: string): Promise<boolean>;
  getSpaceSettings(spaceId: string): Promise<Record<string, unknown>>;
  setSpaceSetting(spaceId: string, key: string, value: unknown): Promise<void>;
}

const statusOf = (error: unknown) => (error instanceof errors.ResponseError ? error.statusCode : undefined);
const docId = (spaceId: string, id: string) => `action:${spaceId}:${id}`;
const settingsId = (spaceId: string) => `config:${spaceId}`;

function toStored(doc: ActionDoc): StoredConnector {
  return {
    id: doc.action.id,
    name: doc.action.name,
    actionTypeId: doc.action.actionTypeId,
    config: doc.action.config ?? {},
    secrets: doc.action.secrets,
    createdAt: doc.created_at,
    updatedAt: doc.updated_at,
    ...(doc.created_by ? { createdBy: doc.created_by } : {}),
    ...(doc.updated_by ? { updatedBy: doc.updated_by } : {}),
  };
}

function toDoc(spaceId: string, c: StoredConnector): ActionDoc {
  return {
    type: 'action',
    namespace: spaceId,
    action: { id: c.id, name: c.name, actionTypeId: c.actionTypeId, config: c.config, secrets: c.secrets },
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    ...(c.createdBy ? { created_by: c.createdBy } : {}),
    ...(c.updatedBy ? { updated_by: c.updatedBy } : {}),
  };
}

/**
 * Connectors in Elasticsearch through the platform's internal client (embedded engine or a real cluster). Writes
 * refresh at once (`refresh: true`): connectors change rarely and a list right after a save must show the change.
 */
export function createConnectorsStore({ esClient, index = ACTIONS_INDEX }: { esClient: Client; index?: string }): ConnectorsStore {
  let ensured: Promise<void> | undefined;
  const ensureIndex = () => {
    ensured ??= (async () => {
      try {
        await esClient.indices.create({
          index,
          settings: { number_of_shards: 1, hidden: true },
          // dynamic:false keeps config, secrets and settings in _source without indexing them.
          mappings: {
            dynamic: false,
            properties: {
              type: { type: 'keyword' },
              namespace: { type: 'keyword' },
              action: {
                properties: {
                  id: { type: 'keyword' },
                  name: { type: 'keyword' },
                  actionTypeId: { type: 'keyword' },
                },
              },
              created_at: { type: 'date' },
              updated_at: { type: 'date' },
            },
          },
        });
      } catch (error) {
        const type = error instanceof errors.ResponseError ? (error.body as { error?: { type?: string } })?.error?.type : undefined;
        if (type !== 'resource_already_exists_exception') {
          ensured = undefined;
          throw error;
        }
      }
    })();
    return ensured;
  };

  return {
    async list(spaceId) {
      await ensureIndex();
      const res = await esClient.search<ActionDoc>({
        index,
        size: 10_000,
        query: { bool: { filter: [{ term: { type: 'action' } }, { term: { namespace: spaceId } }] } },
        sort: [{ 'action.name': 'asc' }],
      });
      return res.hits.hits.flatMap((hit) => (hit._source ? [toStored(hit._source)] : []));
    },
    async get(spaceId, id) {
      await ensureIndex();
      try {
        const res = await esClient.get<ActionDoc>({ index, id: docId(spaceId, id) });
        if (!res._source || res._source.namespace !== spaceId) return undefined;
        return { ...toStored(res._source), version: { seqNo: res._seq_no ?? 0, primaryTerm: res._primary_term ?? 1 } };
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async create(spaceId, connector) {
      await ensureIndex();
      try {
        await esClient.create({ index, id: docId(spaceId, connector.id), document: toDoc(spaceId, connector), refresh: true });
      } catch (error) {
        if (statusOf(error) === 409) throw new StoreConflictError(`A connector with id ${connector.id} already exists in space ${spaceId}`);
        throw error;
      }
    },
    async update(spaceId, connector, version) {
      await ensureIndex();
      try {
        await esClient.index({
          index,
          id: docId(spaceId, connector.id),
          document: toDoc(spaceId, connector),
          if_seq_no: version.seqNo,
          if_primary_term: version.primaryTerm,
          refresh: true,
        });
      } catch (error) {
        if (statusOf(error) === 409) throw new StoreConflictError(`Connector ${connector.id} was changed by someone else; reload and retry`);
        throw error;
      }
    },
    async delete(spaceId, id) {
      await ensureIndex();
      try {
        await esClient.delete({ index, id: docId(spaceId, id), refresh: true });
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },
    async getSpaceSettings(spaceId) {
      await ensureIndex();
      try {
        const res = await esClient.get<SettingsDoc>({ index, id: settingsId(spaceId) });
        return res._source?.settings ?? {};
      } catch (error) {
        if (statusOf(error) === 404) return {};
        throw error;
      }
    },
    async setSpaceSetting(spaceId, key, value) {
      await ensureIndex();
      const current = await this.getSpaceSettings(spaceId);
      const settings = { ...current };
      if (value === null || value === undefined) delete settings[key];
      else settings[key] = value;
      const doc: SettingsDoc = { type: 'config', namespace: spaceId, settings, updated_at: new Date().toISOString() };
      await esClient.index({ index, id: settingsId(spaceId), document: doc, refresh: true });
    },
  };
}
