import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSecretsCrypto, deriveKey, loadOrCreateEncryptionKey, SecretsDecryptionError } from './index';

describe('secrets crypto (AES-256-GCM)', () => {
  const c = createSecretsCrypto(crypto.randomBytes(32));

  it('round-trips and never contains the plaintext', () => {
    const payload = c.encrypt({ apiKey: 'sk-very-secret' }, 'default:c1:.gen-ai');
    expect(payload).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(payload).not.toContain('sk-very-secret');
    expect(c.decrypt(payload, 'default:c1:.gen-ai')).toEqual({ apiKey: 'sk-very-secret' });
    expect(c.encrypt({ apiKey: 'x' }, 'a')).not.toBe(c.encrypt({ apiKey: 'x' }, 'a'));
  });

  it('refuses another connector’s AAD, a different key and tampering', () => {
    const payload = c.encrypt({ apiKey: 'k' }, 'default:c1:.gen-ai');
    expect(() => c.decrypt(payload, 'default:c2:.gen-ai')).toThrow(SecretsDecryptionError);
    expect(() => createSecretsCrypto(crypto.randomBytes(32)).decrypt(payload, 'default:c1:.gen-ai')).toThrow(
      'Secrets cannot be decrypted',
    );
    const parts = payload.split('.');
    parts[3] = `${parts[3].slice(0, -2)}AA`;
    expect(() => c.decrypt(parts.join('.'), 'default:c1:.gen-ai')).toThrow(SecretsDecryptionError);
    expect(() => c.decrypt('garbage', 'x')).toThrow('unknown format');
  });
});

describe('encryption key', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actions-key-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a truncated authentication tag (which GCM would otherwise check only as far as it goes)', () => {
    const c = createSecretsCrypto(crypto.randomBytes(32));
    const payload = c.encrypt({ apiKey: 'sk-very-secret' }, 'default:c1:.gen-ai');
    const [version, iv, tag, ciphertext] = payload.split('.');
    const short = Buffer.from(tag ?? '', 'base64url').subarray(0, 4).toString('base64url');
    expect(() => c.decrypt([version, iv, short, ciphertext].join('.'), 'default:c1:.gen-ai')).toThrow(SecretsDecryptionError);
  });

  it('derives a stable key from config and rejects short passphrases', () => {
    const a = loadOrCreateEncryptionKey({ configuredKey: 'x'.repeat(32), dir });
    expect(a.source).toBe('config');
    expect(a.key.equals(deriveKey('x'.repeat(32)))).toBe(true);
    expect(() => deriveKey('short')).toThrow('at least 32 characters');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('generates a key once (0600) and reads it back on the next start', () => {
    const first = loadOrCreateEncryptionKey({ dir: path.join(dir, 'actions') });
    expect(first.source).toBe('generated');
    expect(fs.statSync(first.file ?? '').mode & 0o777).toBe(0o600);
    const second = loadOrCreateEncryptionKey({ dir: path.join(dir, 'actions') });
    expect(second.source).toBe('data_dir');
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('refuses a corrupted key file instead of silently replacing it', () => {
    fs.writeFileSync(path.join(dir, 'encryption_key'), 'nope');
    expect(() => loadOrCreateEncryptionKey({ dir })).toThrow('does not hold a 256-bit hex key');
  });
});
