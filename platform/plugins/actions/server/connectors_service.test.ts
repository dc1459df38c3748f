import crypto from 'node:crypto';
import type { Logger } from '../../../core/server';
import { createConnectorsService, loadPreconfigured } from './connectors_service';
import { createSecretsCrypto } from './encryption';
import { ActionsError } from './errors';
import type { ConnectorsStore, StoredConnector, StoredVersion } from './storage/connectors_store';

/** An in-memory ConnectorsStore with the same contract as the ES one (tested in storage/). */
function memoryStore(): ConnectorsStore & { docs: Map<string, StoredConnector & { version: StoredVersion }> } {
  const docs = new Map<string, StoredConnector & { version: StoredVersion }>();
  const settings = new Map<string, Record<string, unknown>>();
  const key = (s: string, id: string) => `${s}:${id}`;
  return {
    docs,
    list: async (s) => [...docs.entries()].filter(([k]) => k.startsWith(`${s}:`)).map(([, v]) => v),
    get: async (s, id) => docs.get(key(s, id)),
    create: async (s, c) => {
      docs.set(key(s, c.id), { ...c, version: { seqNo: 0, primaryTerm: 1 } });
    },
    update: async (s, c, v) => {
      docs.set(key(s, c.id), { ...c, version: { seqNo: v.seqNo + 1, primaryTerm: 1 } });
    },
    delete: async (s, id) => docs.delete(key(s, id)),
    getSpaceSettings: async (s) => settings.get(s) ?? {},
    setSpaceSetting: async (s, k, v) => {
      const next = { ...settings.get(s) };
      if (v === null) delete next[k];
      else next[k] = v;
      settings.set(s, next);
    },
  };
}

const warnings: Array<{ message: string; meta?: Record<string, unknown> }> = [];
const logger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message, meta) => warnings.push({ message: String(message), meta }),
  error: () => undefined,
  fatal: () => undefined,
  isLevelEnabled: () => true,
  get: () => logger,
};

const input = {
  name: 'GPT',
  actionTypeId: '.gen-ai',
  config: { apiProvider: 'OpenAI', apiUrl: 'https://api.openai.com/v1/chat/completions' },
  secrets: { apiKey: 'sk-unit-secret-1234' },
};

describe('connectors service', () => {
  it('flags connectors whose secrets cannot be decrypted (key changed) and keeps them listed', async () => {
    const store = memoryStore();
    const before = createConnectorsService({ store, crypto: createSecretsCrypto(crypto.randomBytes(32)), preconfigured: {}, logger });
    const created = await before.create('default', input);
    expect(created.isMissingSecrets).toBe(false);

    const after = createConnectorsService({ store, crypto: createSecretsCrypto(crypto.randomBytes(32)), preconfigured: {}, logger });
    const [listed] = await after.list('default');
    expect(listed).toMatchObject({ id: created.id, isMissingSecrets: true });
    expect(JSON.stringify(warnings)).not.toContain('sk-unit-secret-1234');
    await expect(after.getChatClient('default', created.id)).rejects.toMatchObject({ code: 'connector_missing_secrets', statusCode: 400 });
    // Editing without secrets cannot recover them: the connector stays flagged until a key is entered.
    expect((await after.update('default', created.id, { name: 'GPT 2', config: input.config })).isMissingSecrets).toBe(true);
    const fixed = await after.update('default', created.id, { name: 'GPT', config: input.config, secrets: { apiKey: 'sk-new-key-5678' } });
    expect(fixed.isMissingSecrets).toBe(false);
  });

  it('refuses to re-point a connector at another URL while keeping its stored secrets', async () => {
    const store = memoryStore();
    const service = createConnectorsService({ store, crypto: createSecretsCrypto(crypto.randomBytes(32)), preconfigured: {}, logger });
    const created = await service.create('default', input);
    const elsewhere = { ...input.config, apiUrl: 'https://attacker.example/v1/chat/completions' };
    await expect(service.update('default', created.id, { name: 'GPT', config: elsewhere })).rejects.toMatchObject({
      statusCode: 400,
      code: 'invalid_connector',
      details: [{ path: 'secrets', message: 'required because config.apiUrl changed' }],
    });
    const stored = store.docs.get(`default:${created.id}`);
    expect(stored?.config.apiUrl).toBe(input.config.apiUrl);
    // Same URL: secrets may be omitted; new URL with secrets re-entered: allowed.
    expect((await service.update('default', created.id, { name: 'GPT 2', config: input.config })).isMissingSecrets).toBe(false);
    const moved = await service.update('default', created.id, { name: 'GPT 3', config: elsewhere, secrets: { apiKey: 'sk-new-key-5678' } });
    expect(moved.config.apiUrl).toBe(elsewhere.apiUrl);
    // A keyless local connector has nothing to leak and may move freely.
    const local = await service.create('default', {
      name: 'Local',
      actionTypeId: '.gen-ai',
      config: { apiProvider: 'Other', apiUrl: 'http://127.0.0.1:11434/v1', defaultModel: 'qwen3' },
      secrets: {},
    });
    const relocated = await service.update('default', local.id, {
      name: 'Local',
      config: { apiProvider: 'Other', apiUrl: 'http://127.0.0.1:8080/v1', defaultModel: 'qwen3' },
    });
    expect(relocated.config.apiUrl).toBe('http://127.0.0.1:8080/v1');
  });

  it('binds ciphertexts to their connector: swapping secrets between connectors breaks them', async () => {
    const store = memoryStore();
    const service = createConnectorsService({ store, crypto: createSecretsCrypto(crypto.randomBytes(32)), preconfigured: {}, logger });
    const a = await service.create('default', { ...input, id: 'a' });
    const b = await service.create('default', { ...input, id: 'b', secrets: { apiKey: 'sk-other-9999' } });
    const docA = store.docs.get('default:a');
    const docB = store.docs.get('default:b');
    if (!docA || !docB) throw new Error('missing docs');
    store.docs.set('default:a', { ...docA, secrets: docB.secrets });
    expect((await service.get('default', a.id)).isMissingSecrets).toBe(true);
    expect((await service.get('default', b.id)).isMissingSecrets).toBe(false);
  });

  it('flags an OpenAI connector without a key but not a local one', async () => {
    const service = createConnectorsService({ store: memoryStore(), crypto: createSecretsCrypto(crypto.randomBytes(32)), preconfigured: {}, logger });
    expect((await service.create('default', { ...input, secrets: {} })).isMissingSecrets).toBe(true);
    const local = await service.create('default', {
      name: 'Ollama',
      actionTypeId: '.gen-ai',
      config: { apiProvider: 'Other', apiUrl: 'http://localhost:11434', defaultModel: 'llama3.1' },
      secrets: {},
    });
    expect(local.isMissingSecrets).toBe(false);
    expect(await service.getAi('default', 'Ollama')).toEqual({
      id: local.id,
      name: 'Ollama',
      actionTypeId: '.gen-ai',
      provider: 'Other',
      defaultModel: 'llama3.1',
      toolCalling: 'auto',
      isPreconfigured: false,
      isMissingSecrets: false,
    });
  });

  it('rejects invalid preconfigured connectors at start with their kibana.yml path', () => {
    expect(() =>
      loadPreconfigured({ broken: { name: 'B', actionTypeId: '.gen-ai', config: { apiProvider: 'Other', apiUrl: 'x' }, secrets: {} } }),
    ).toThrow('[xpack.actions.preconfigured.broken.config.apiUrl]: must be an http(s) URL');
    expect(() => loadPreconfigured({ t: { name: 'T', actionTypeId: '.teams', config: {}, secrets: {} } })).toThrow('.teams is not supported');
    expect(() => loadPreconfigured({ c: { name: 'C', actionTypeId: '.anthropic', config: {}, secrets: {} } })).toThrow(
      '[xpack.actions.preconfigured.c.secrets.apiKey]',
    );
    expect(loadPreconfigured({ c: { name: 'C', actionTypeId: '.anthropic', config: {}, secrets: { apiKey: 'k' } } })[0]).toMatchObject({
      isPreconfigured: true,
      isMissingSecrets: false,
      config: { apiUrl: 'https://api.anthropic.com', defaultModel: 'claude-sonnet-4-6', maxTokens: 4096 },
    });
  });

  it('refuses to set a default connector that does not exist', async () => {
    const service = createConnectorsService({ store: memoryStore(), crypto: createSecretsCrypto(crypto.randomBytes(32)), preconfigured: {}, logger });
    await expect(service.setDefaultConnectorId('default', 'ghost')).rejects.toBeInstanceOf(ActionsError);
    expect(await service.getDefaultConnector('default')).toBeUndefined();
  });
});
