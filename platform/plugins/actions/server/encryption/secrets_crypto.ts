import crypto from 'node:crypto';

/** AES-256-GCM for connector secrets; the AAD binds a ciphertext to its connector (no copy between connectors). */
export interface SecretsCrypto {
  encrypt(secrets: Record<string, unknown>, aad: string): string;
  /** Throws SecretsDecryptionError when the key changed or the payload was altered. */
  decrypt(payload: string, aad: string): Record<string, unknown>;
}

export class SecretsDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretsDecryptionError';
  }
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createSecretsCrypto(key: Buffer): SecretsCrypto {
  if (key.length !== 32) throw new Error(`The secrets key must be 32 bytes, got ${key.length}`);
  return {
    encrypt(secrets, aad) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    decrypt(payload, aad) {
      const [version, iv, tag, ciphertext] = payload.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined) {
        throw new SecretsDecryptionError('Encrypted secrets have an unknown format');
      }
      try {
        // A full-length tag only: GCM otherwise checks just the bytes given, so a truncated tag is easy to forge.
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(aad, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
        const parsed: unknown = JSON.parse(plain);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          throw new SecretsDecryptionError('Decrypted secrets are not an object');
        }
        return parsed as Record<string, unknown>;
      } catch (error) {
        if (error instanceof SecretsDecryptionError) throw error;
        // Never include the payload or plaintext: only that authentication failed.
        throw new SecretsDecryptionError('Secrets cannot be decrypted (the encryption key changed or the data was altered)');
      }
    },
  };
}
