import { formatIpBytes, parseIpBytes } from './parse';

/**
 * Sortable fixed-width key: the 16 address bytes as 32 lowercase hex chars. String order equals
 * unsigned byte order, which is how Lucene orders ip points.
 */
function bytesToKey(bytes: readonly number[]): string {
  let key = '';
  for (const b of bytes) key += b.toString(16).padStart(2, '0');
  return key;
}

function keyToBytes(key: string): number[] {
  if (!/^[0-9a-f]{32}$/.test(key)) throw new Error(`invalid ip key [${key}]`);
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 2) bytes.push(parseInt(key.slice(i, i + 2), 16));
  return bytes;
}

export function ipToKey(ip: string): string | undefined {
  const bytes = parseIpBytes(ip);
  return bytes === undefined ? undefined : bytesToKey(bytes);
}

export function keyToIp(key: string): string {
  return formatIpBytes(keyToBytes(key));
}

/** Canonical text of an address, or undefined when invalid. */
export function canonicalIp(ip: string): string | undefined {
  const bytes = parseIpBytes(ip);
  return bytes === undefined ? undefined : formatIpBytes(bytes);
}

/**
 * Inclusive key range of `addr/prefix` (IPv4 prefixes 0–32, IPv6 0–128), or of a single address.
 * Host bits in the address are ignored, as Elasticsearch does.
 */
export function cidrToKeyRange(cidr: string): [string, string] | undefined {
  const slash = cidr.indexOf('/');
  if (slash < 0) {
    const key = ipToKey(cidr);
    return key === undefined ? undefined : [key, key];
  }
  const address = cidr.slice(0, slash);
  const prefixText = cidr.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(prefixText)) return undefined;
  const bytes = parseIpBytes(address);
  if (bytes === undefined) return undefined;
  const isV4 = !address.includes(':');
  const prefix = Number(prefixText) + (isV4 ? 96 : 0);
  if (prefix > 128 || (isV4 && Number(prefixText) > 32)) return undefined;
  const low: number[] = [];
  const high: number[] = [];
  for (let i = 0; i < 16; i++) {
    const bitsInByte = Math.max(0, Math.min(8, prefix - i * 8));
    const mask = bitsInByte === 0 ? 0 : (0xff << (8 - bitsInByte)) & 0xff;
    low.push(bytes[i] & mask);
    high.push((bytes[i] & mask) | (~mask & 0xff));
  }
  return [bytesToKey(low), bytesToKey(high)];
}
