import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BUILT_IN_ROLES,
  ensureElasticPassword,
  FeatureRegistry,
  hashPassword,
  missingPrivileges,
  parseBasicAuthorization,
  resolveSpacePrivileges,
  SessionStore,
  verifyPassword,
} from '.';
import type { RoleDefinition } from '.';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'core-security-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('passwords', () => {
  it('hashes with scrypt and verifies', async () => {
    const hash = await hashPassword('s3cret-pw');
    expect(hash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{128}$/);
    expect(await verifyPassword('s3cret-pw', hash)).toBe(true);
    expect(await verifyPassword('s3cret-px', hash)).toBe(false);
    expect(await verifyPassword('s3cret-pw', 'plain')).toBe(false);
    expect(await hashPassword('s3cret-pw')).not.toBe(hash);
  });

  it('generates the elastic password once and keeps only its hash', async () => {
    const dataPath = path.join(tmp, 'data');
    const first = await ensureElasticPassword({ dataPath });
    expect(first.source).toBe('generated');
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const stored = fs.readFileSync(first.file, 'utf8');
    expect(stored).not.toContain(first.password);
    const second = await ensureElasticPassword({ dataPath });
    expect(second).toEqual({ hash: first.hash, source: 'stored', file: first.file });
    expect(await verifyPassword(first.password ?? '', second.hash)).toBe(true);
    const bootstrap = await ensureElasticPassword({ dataPath, bootstrapPassword: 'from-config' });
    expect(bootstrap.source).toBe('bootstrapPassword');
    expect(await verifyPassword('from-config', bootstrap.hash)).toBe(true);
  });

  it('parses basic credentials (passwords may contain colons)', () => {
    const header = `Basic ${Buffer.from('elastic:pa:ss').toString('base64')}`;
    expect(parseBasicAuthorization(header)).toEqual({ username: 'elastic', password: 'pa:ss' });
    expect(parseBasicAuthorization('Bearer abc')).toBeUndefined();
  });
});

describe('privileges', () => {
  const features = new FeatureRegistry();
  features.register({ id: 'siem', name: 'Security', privileges: { all: { api: ['siem-all', 'siem-read'] }, read: { api: ['siem-read'] } } });
  features.register({ id: 'assistant', name: 'Assistant', privileges: { all: { api: ['assistant-all'] }, read: { api: ['assistant-read'] } } });
  features.register({ id: 'noPrivileges', name: 'No privileges', privileges: null });
  const roles = new Map<string, RoleDefinition>([
    ...Object.entries(BUILT_IN_ROLES),
    ['analyst', { name: 'analyst', kibana: [{ spaces: ['soc'], base: [], feature: { siem: ['all'], assistant: ['read'] } }] }],
  ]);
  const all = features.getAll();

  it('grants feature api tags per space', () => {
    const soc = resolveSpacePrivileges(['analyst'], roles, all, 'soc');
    expect(soc.features).toEqual({ assistant: ['read'], siem: ['all', 'read'] });
    expect([...soc.api].sort()).toEqual(['assistant-read', 'siem-all', 'siem-read']);
    expect(resolveSpacePrivileges(['analyst'], roles, all, 'default').api.size).toBe(0);
  });

  it('built-in viewer reads everything, superuser has everything', () => {
    const viewer = resolveSpacePrivileges(['viewer'], roles, all, 'any');
    expect([...viewer.api].sort()).toEqual(['assistant-read', 'siem-read']);
    expect(missingPrivileges(viewer, ['siem-all', 'siem-read'])).toEqual(['siem-all']);
    const superuser = resolveSpacePrivileges(['superuser'], roles, all, 'any');
    expect(missingPrivileges(superuser, ['not-even-registered'])).toEqual([]);
  });

  it('evaluates anyRequired / allRequired', () => {
    const soc = resolveSpacePrivileges(['analyst'], roles, all, 'soc');
    expect(missingPrivileges(soc, [{ anyRequired: ['assistant-all', 'siem-all'] }])).toEqual([]);
    expect(missingPrivileges(soc, [{ anyRequired: ['assistant-all', 'x'] }, { allRequired: ['siem-read', 'y'] }])).toEqual(['assistant-all|x', 'y']);
  });

  it('rejects duplicate and invalid features, and late registration', () => {
    const registry = new FeatureRegistry();
    registry.register({ id: 'a', name: 'A', privileges: null });
    expect(() => registry.register({ id: 'a', name: 'A', privileges: null })).toThrow('Feature a is already registered');
    expect(() => registry.register({ id: 'b c', name: 'B', privileges: null })).toThrow(/Invalid feature b c: \[id\]/);
    registry.lock();
    expect(() => registry.register({ id: 'z', name: 'Z', privileges: null })).toThrow(/after setup/);
  });
});

describe('sessions', () => {
  it('expire after the idle timeout and are refreshed by use', () => {
    let now = 0;
    const store = new SessionStore({ idleTimeoutMs: 100, now: () => now });
    const session = store.create('elastic', { type: 'basic', name: 'basic' });
    now = 90;
    expect(store.get(session.sid)?.username).toBe('elastic');
    now = 180;
    expect(store.get(session.sid)?.username).toBe('elastic');
    now = 281;
    expect(store.get(session.sid)).toBeUndefined();
    const other = store.create('x', { type: 'basic', name: 'basic' });
    store.delete(other.sid);
    expect(store.get(other.sid)).toBeUndefined();
  });
});
