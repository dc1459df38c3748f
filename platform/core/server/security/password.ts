import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 64;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { N: 16384, r: 8, p: 1 }, (error, key) => (error ? reject(error) : resolve(key)))
  );
}

/** `scrypt$<salt hex>$<key hex>`: the form stored in the data dir and accepted as security.users[].passwordHash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt);
  return `scrypt$${salt.toString('hex')}$${key.toString('hex')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = /^scrypt\$([0-9a-f]+)\$([0-9a-f]+)$/.exec(stored);
  if (!match) return false;
  const expected = Buffer.from(match[2], 'hex');
  const key = await derive(password, Buffer.from(match[1], 'hex'));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A random password that is easy to copy from a terminal (letters, digits, `-`, `_`). */
export const generatePassword = () => randomBytes(15).toString('base64url');
