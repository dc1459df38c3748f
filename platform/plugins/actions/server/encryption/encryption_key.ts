import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MIN_CONFIGURED_KEY_LENGTH = 32;
export const KEY_FILE_NAME = 'encryption_key';

export interface EncryptionKey {
  key: Buffer;
  source: 'config' | 'data_dir' | 'generated';
  /** Where a generated key lives, so operators can back it up. */
  file?: string;
}

/** A configured passphrase (≥ 32 chars, like xpack.encryptedSavedObjects.encryptionKey) → a 256-bit key. */
export function deriveKey(passphrase: string): Buffer {
  if (passphrase.length < MIN_CONFIGURED_KEY_LENGTH) {
    throw new Error(`xpack.actions.encryptionKey must be at least ${MIN_CONFIGURED_KEY_LENGTH} characters`);
  }
  return Buffer.from(crypto.hkdfSync('sha256', Buffer.from(passphrase, 'utf8'), 'kibana-actions', 'connector-secrets', 32));
}

/**
 * The configured key, else the one persisted in `<dir>/encryption_key`, else a new random key written there
 * (mode 0600). Without a stable key, secrets stored earlier could not be read after a restart.
 */
export function loadOrCreateEncryptionKey(options: { configuredKey?: string; dir: string }): EncryptionKey {
  if (options.configuredKey !== undefined) return { key: deriveKey(options.configuredKey), source: 'config' };
  const file = path.join(options.dir, KEY_FILE_NAME);
  const read = (): Buffer => {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} does not hold a 256-bit hex key; restore it or remove it`);
    return Buffer.from(hex, 'hex');
  };
  if (fs.existsSync(file)) return { key: read(), source: 'data_dir', file };
  fs.mkdirSync(options.dir, { recursive: true });
  const key = crypto.randomBytes(32);
  try {
    fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs so both agree.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { key: read(), source: 'data_dir', file };
    throw error;
  }
  return { key, source: 'generated', file };
}
