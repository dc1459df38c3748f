import { randomUUID } from 'node:crypto';
import type { Logger } from '../../../core/server';
import type { PreconfiguredConnectorConfig } from './config';
import { getConnectorType, type ChatClientFactoryOptions, type ConnectorTypeId } from './connector_types';
import { findConnectorByIdOrName, resolveDefaultConnector } from './default_connector';
import type { SecretsCrypto } from './encryption';
import { ActionsError, connectorConflict, connectorMissingSecrets, connectorNotFound, invalidConnector, preconfiguredReadOnly } from './errors';
import { LlmError } from './llm/errors';
import type { ChatClient, ChatMessage, ChatUsage } from './llm/types';
import { StoreConflictError, type ConnectorsStore, type StoredConnector } from './storage/connectors_store';
import type { AiConnector, Connector, DefaultConnectorResolution } from './types';
import { validateConnector } from './validate_connector';

/** Kibana's advanced setting for the space's default AI connector. */
export const DEFAULT_CONNECTOR_SETTING = 'genAI:defaultConnectorId';

interface ResolvedConnector extends Connector {
  secrets: Record<string, unknown>;
}

export interface CreateConnectorInput {
  id?: string;
  name: string;
  actionTypeId: string;
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
}

export interface UpdateConnectorInput {
  name: string;
  config: Record<string, unknown>;
  /** Omitted: the stored secrets are kept (secrets are write-only). */
  secrets?: Record<string, unknown>;
}

export interface ExecuteParams {
  subAction: 'test' | 'invokeAI';
  messages?: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
  model?: string;
  temperature?: number;
  timeoutMs?: number;
}

export type ExecuteResult =
  | { status: 'ok'; data: { message: string; model?: string; usage?: ChatUsage; latencyMs: number } }
  | { status: 'error'; message: string; serviceMessage: string; code: string; retry: boolean };

export interface ConnectorsService {
  list(spaceId: string): Promise<Connector[]>;
  listAi(spaceId: string): Promise<AiConnector[]>;
  /** By id, then by exact name; throws a 404 ActionsError when neither matches. */
  get(spaceId: string, idOrName: string): Promise<Connector>;
  getAi(spaceId: string, idOrName: string): Promise<AiConnector>;
  create(spaceId: string, input: CreateConnectorInput, username?: string): Promise<Connector>;
  update(spaceId: string, id: string, input: UpdateConnectorInput, username?: string): Promise<Connector>;
  delete(spaceId: string, id: string): Promise<void>;
  getChatClient(spaceId: string, idOrName: string, overrides?: ChatClientFactoryOptions): Promise<ChatClient>;
  getDefaultConnectorId(spaceId: string): Promise<string | undefined>;
  setDefaultConnectorId(spaceId: string, id: string | null): Promise<void>;
  getDefaultConnector(spaceId: string, options?: { configDefaultId?: string }): Promise<DefaultConnectorResolution<AiConnector> | undefined>;
  execute(spaceId: string, id: string, params: ExecuteParams): Promise<ExecuteResult>;
}

export interface ConnectorsServiceDeps {
  store: ConnectorsStore;
  crypto: SecretsCrypto;
  preconfigured: Record<string, PreconfiguredConnectorConfig>;
  logger: Logger;
  clientOptions?: ChatClientFactoryOptions;
  now?: () => Date;
  generateId?: () => string;
}

const aad = (spaceId: string, id: string, actionTypeId: string) => `${spaceId}:${id}:${actionTypeId}`;

function publicView(c: ResolvedConnector): Connector {
  const { secrets: _secrets, ...view } = c;
  return view;
}

function aiView(c: Connector): AiConnector {
  const type = getConnectorType(c.actionTypeId);
  const contextWindow = c.config.contextWindowTokens;
  const toolCalling = c.config.toolCalling;
  return {
    id: c.id,
    name: c.name,
    actionTypeId: c.actionTypeId,
    provider: type.provider(c.config),
    ...(type.defaultModel(c.config) !== undefined ? { defaultModel: type.defaultModel(c.config) } : {}),
    ...(typeof contextWindow === 'number' ? { contextWindowTokens: contextWindow } : {}),
    toolCalling: toolCalling === 'native' || toolCalling === 'prompted' ? toolCalling : 'auto',
    isPreconfigured: c.isPreconfigured,
    isMissingSecrets: c.isMissingSecrets,
  };
}

/** The origin (scheme, host, port) of an http(s) URL: the party that receives the secrets. */
const originOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
};

/** Config keys holding a URL (before or after) whose origin changed: secrets would go to another server. */
export function changedEndpoints(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => {
    const from = originOf(before[k]);
    const to = originOf(after[k]);
    return (from !== undefined || to !== undefined) && from !== to;
  });
}

/** Validates `xpack.actions.preconfigured` once at start; a bad entry stops the plugin with its key path. */
export function loadPreconfigured(raw: Record<string, PreconfiguredConnectorConfig>): ResolvedConnector[] {
  return Object.entries(raw).map(([id, entry]) => {
    let validated;
    try {
      validated = validateConnector(entry, `xpack.actions.preconfigured.${id}`);
    } catch (error) {
      if (error instanceof ActionsError) throw new Error(error.message);
      throw error;
    }
    return {
      id,
      name: entry.name,
      actionTypeId: validated.type.id,
      config: validated.config,
      secrets: validated.secrets,
      isPreconfigured: true,
      isDeprecated: false,
      isSystemAction: false,
      isMissingSecrets: !validated.type.hasRequiredSecrets(validated.config, validated.secrets),
    };
  });
}

export function createConnectorsService(deps: ConnectorsServiceDeps): ConnectorsService {
  const preconfigured = loadPreconfigured(deps.preconfigured);
  const preconfiguredIds = new Set(preconfigured.map((c) => c.id));
  const now = deps.now ?? (() => new Date());
  const generateId = deps.generateId ?? randomUUID;

  const resolveStored = (spaceId: string, stored: StoredConnector): ResolvedConnector => {
    const type = getConnectorType(stored.actionTypeId);
    let secrets: Record<string, unknown> = {};
    let readable = true;
    try {
      secrets = deps.crypto.decrypt(stored.secrets, aad(spaceId, stored.id, stored.actionTypeId));
    } catch (error) {
      readable = false;
      deps.logger.warn('Connector secrets cannot be decrypted; the connector is flagged as missing secrets', {
        connectorId: stored.id,
        spaceId,
        reason: (error as Error).message,
      });
    }
    const config = type.configSchema.safeParse(stored.config);
    return {
      id: stored.id,
      name: stored.name,
      actionTypeId: stored.actionTypeId,
      config: config.success ? config.data : stored.config,
      secrets,
      isPreconfigured: false,
      isDeprecated: false,
      isSystemAction: false,
      isMissingSecrets: !readable || !config.success || !type.hasRequiredSecrets(stored.config, secrets),
    };
  };

  const listResolved = async (spaceId: string): Promise<ResolvedConnector[]> => {
    const stored = (await deps.store.list(spaceId)).map((s) => resolveStored(spaceId, s));
    return [...preconfigured, ...stored].sort(
      (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
    );
  };

  const getResolved = async (spaceId: string, idOrName: string): Promise<ResolvedConnector> => {
    const pre = preconfigured.find((c) => c.id === idOrName);
    if (pre) return pre;
    const stored = await deps.store.get(spaceId, idOrName);
    if (stored) return resolveStored(spaceId, stored);
    const byName = findConnectorByIdOrName(await listResolved(spaceId), idOrName);
    if (byName) return byName;
    throw connectorNotFound(idOrName, spaceId);
  };

  const service: ConnectorsService = {
    async list(spaceId) {
      return (await listResolved(spaceId)).map(publicView);
    },
    async listAi(spaceId) {
      return (await listResolved(spaceId)).map((c) => aiView(publicView(c)));
    },
    async get(spaceId, idOrName) {
      return publicView(await getResolved(spaceId, idOrName));
    },
    async getAi(spaceId, idOrName) {
      return aiView(publicView(await getResolved(spaceId, idOrName)));
    },
    async create(spaceId, input, username) {
      const { type, config, secrets } = validateConnector(input);
      const id = input.id ?? generateId();
      if (preconfiguredIds.has(id)) throw connectorConflict(`Connector id ${id} is used by a preconfigured connector`);
      const at = now().toISOString();
      const stored: StoredConnector = {
        id,
        name: input.name,
        actionTypeId: type.id,
        config,
        secrets: deps.crypto.encrypt(secrets, aad(spaceId, id, type.id)),
        createdAt: at,
        updatedAt: at,
        ...(username ? { createdBy: username, updatedBy: username } : {}),
      };
      try {
        await deps.store.create(spaceId, stored);
      } catch (error) {
        if (error instanceof StoreConflictError) throw connectorConflict(error.message);
        throw error;
      }
      deps.logger.info('Created connector', { connectorId: id, actionTypeId: type.id, spaceId });
      return publicView(resolveStored(spaceId, stored));
    },
    async update(spaceId, id, input, username) {
      if (preconfiguredIds.has(id)) throw preconfiguredReadOnly(id, 'update');
      const existing = await deps.store.get(spaceId, id);
      if (!existing) throw connectorNotFound(id, spaceId);
      let secrets = input.secrets;
      const moved = secrets === undefined ? changedEndpoints(existing.config, input.config) : [];
      const hasStoredSecrets = Object.keys(resolveStored(spaceId, existing).secrets).length > 0;
      if (moved.length > 0 && hasStoredSecrets) {
        // Kept secrets follow the connector: re-pointing it without re-entering them would ship the key elsewhere.
        throw invalidConnector(
          `Enter the connector's secrets again: ${moved.map((k) => `config.${k}`).join(', ')} changed, and stored secrets are only sent to the endpoint they were saved for`,
          moved.map((k) => ({ path: 'secrets', message: `required because config.${k} changed` })),
        );
      }
      if (secrets === undefined) {
        const current = resolveStored(spaceId, existing);
        secrets = current.secrets;
      }
      const validated = validateConnector({ actionTypeId: existing.actionTypeId, config: input.config, secrets });
      const stored: StoredConnector = {
        ...existing,
        name: input.name,
        config: validated.config,
        secrets: deps.crypto.encrypt(validated.secrets, aad(spaceId, id, existing.actionTypeId)),
        updatedAt: now().toISOString(),
        ...(username ? { updatedBy: username } : {}),
      };
      try {
        await deps.store.update(spaceId, stored, existing.version);
      } catch (error) {
        if (error instanceof StoreConflictError) throw connectorConflict(error.message);
        throw error;
      }
      deps.logger.info('Updated connector', { connectorId: id, spaceId, secretsChanged: input.secrets !== undefined });
      return publicView(resolveStored(spaceId, stored));
    },
    async delete(spaceId, id) {
      if (preconfiguredIds.has(id)) throw preconfiguredReadOnly(id, 'delete');
      if (!(await deps.store.delete(spaceId, id))) throw connectorNotFound(id, spaceId);
      deps.logger.info('Deleted connector', { connectorId: id, spaceId });
    },
    async getChatClient(spaceId, idOrName, overrides = {}) {
      const connector = await getResolved(spaceId, idOrName);
      if (connector.isMissingSecrets) throw connectorMissingSecrets(connector.id, connector.name);
      return getConnectorType(connector.actionTypeId).createChatClient(
        { id: connector.id, name: connector.name, actionTypeId: connector.actionTypeId, config: connector.config, secrets: connector.secrets },
        { ...deps.clientOptions, ...overrides, retry: { ...deps.clientOptions?.retry, ...overrides.retry } },
      );
    },
    async getDefaultConnectorId(spaceId) {
      const value = (await deps.store.getSpaceSettings(spaceId))[DEFAULT_CONNECTOR_SETTING];
      return typeof value === 'string' && value !== '' ? value : undefined;
    },
    async setDefaultConnectorId(spaceId, id) {
      if (id !== null) await getResolved(spaceId, id);
      await deps.store.setSpaceSetting(spaceId, DEFAULT_CONNECTOR_SETTING, id);
      deps.logger.info('Set the default AI connector', { spaceId, connectorId: id });
    },
    async getDefaultConnector(spaceId, options = {}) {
      const connectors = await service.listAi(spaceId);
      return resolveDefaultConnector(connectors, {
        spaceSettingId: await service.getDefaultConnectorId(spaceId),
        configDefaultId: options.configDefaultId,
      });
    },
    async execute(spaceId, id, params) {
      const client = await service.getChatClient(spaceId, id);
      const messages: ChatMessage[] = params.messages ?? [{ role: 'user', content: 'Reply with the single word OK.' }];
      const started = Date.now();
      try {
        const response = await client.chatComplete({
          messages,
          model: params.model,
          temperature: params.temperature,
          timeouts: { firstTokenMs: params.timeoutMs ?? 30_000 },
        });
        return {
          status: 'ok',
          data: { message: response.content, model: response.model, usage: response.usage, latencyMs: Date.now() - started },
        };
      } catch (error) {
        if (!(error instanceof LlmError)) throw error;
        deps.logger.warn('Connector test failed', { connectorId: id, spaceId, code: error.code });
        return {
          status: 'error',
          message: `an error occurred while running the action`,
          serviceMessage: error.message,
          code: error.code,
          retry: error.retryable,
        };
      }
    },
  };
  return service;
}

export type { ConnectorTypeId };
