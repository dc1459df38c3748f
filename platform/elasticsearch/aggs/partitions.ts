/**
 * terms `include: {partition, num_partitions}`: Elasticsearch hashes string terms with Lucene's
 * murmurhash3_x86_32 (seed 31) and longs with HPPC BitMixer.mix64, then takes floorMod.
 */
const SEED = 31;

export function murmurhash3x86_32(bytes: Uint8Array, seed: number): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h1 = seed | 0;
  const roundedEnd = bytes.length & ~3;
  for (let i = 0; i < roundedEnd; i += 4) {
    let k1 = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k1 = Math.imul(k1, c1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, c2);
    h1 ^= k1;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
  }
  let k1 = 0;
  const tail = bytes.length & 3;
  if (tail === 3) k1 = (bytes[roundedEnd + 2] & 0xff) << 16;
  if (tail >= 2) k1 |= (bytes[roundedEnd + 1] & 0xff) << 8;
  if (tail >= 1) {
    k1 |= bytes[roundedEnd] & 0xff;
    k1 = Math.imul(k1, c1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, c2);
    h1 ^= k1;
  }
  h1 ^= bytes.length;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  return h1 | 0;
}

const MASK = (1n << 64n) - 1n;

export function mix64(value: bigint): bigint {
  let z = value & MASK;
  z = ((z ^ (z >> 32n)) * 0x4cd6944c5cc20b6dn) & MASK;
  z = ((z ^ (z >> 29n)) * 0xfc12c5b19d3259e9n) & MASK;
  z = z ^ (z >> 32n);
  return BigInt.asIntN(64, z);
}

function floorMod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

export function stringPartition(term: string, numPartitions: number): number {
  return floorMod(murmurhash3x86_32(new TextEncoder().encode(term), SEED), numPartitions);
}

export function longPartition(value: number, numPartitions: number): number {
  const h = mix64(BigInt(Math.trunc(value)));
  const n = BigInt(numPartitions);
  return Number(((h % n) + n) % n);
}
