/** Token format (§5.3 AN-1): random lowercase UUID v4, never a hash of the value. */

export const UUID_V4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const TOKEN_LENGTH = 36;

export function isToken(value: string): boolean {
  return UUID_V4_PATTERN.test(value);
}

export type TokenGenerator = () => string;

export const randomToken: TokenGenerator = () => {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID().toLowerCase();
  if (!cryptoApi || typeof cryptoApi.getRandomValues !== 'function') {
    throw new Error('Anonymization needs a cryptographically secure random source (globalThis.crypto)');
  }
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The lookup key for a value: NFC, case-folded (AN-2). */
export function valueKey(value: string): string {
  return value.normalize('NFC').toLowerCase();
}
