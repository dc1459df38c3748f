/**
 * IP text <-> 16 bytes, following Elasticsearch's InetAddresses: IPv4 is dotted-quad with no leading
 * zeros; IPv6 allows one `::` and a trailing dotted IPv4. IPv4 is stored as its IPv4-mapped IPv6 form
 * (`::ffff:a.b.c.d`), as Lucene's InetAddressPoint does, so both families share one sortable key space.
 */

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function parseIpv4Octets(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return undefined;
    if (part.length > 1 && part.startsWith('0')) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    octets.push(value);
  }
  return octets;
}

function parseIpv6(text: string): number[] | undefined {
  let body = text;
  let tail: number[] = [];
  // A trailing dotted IPv4 supplies the last 32 bits.
  const lastColon = body.lastIndexOf(':');
  if (lastColon >= 0 && body.indexOf('.', lastColon) >= 0) {
    const v4 = parseIpv4Octets(body.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    body = body.slice(0, lastColon + 1);
    if (body.endsWith('::')) {
      // keep the "::" marker intact
    } else if (body.endsWith(':')) {
      body = body.slice(0, -1);
    }
  }
  const groupsNeeded = 8 - tail.length;
  const doubleColon = body.indexOf('::');
  if (doubleColon !== body.lastIndexOf('::')) return undefined;
  const parseGroups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const groups: number[] = [];
    for (const part of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
      groups.push(parseInt(part, 16));
    }
    return groups;
  };
  let groups: number[];
  if (doubleColon >= 0) {
    const head = parseGroups(body.slice(0, doubleColon));
    const rest = parseGroups(body.slice(doubleColon + 2));
    if (head === undefined || rest === undefined) return undefined;
    const zeros = groupsNeeded - head.length - rest.length;
    if (zeros < 1) return undefined;
    groups = [...head, ...new Array<number>(zeros).fill(0), ...rest];
  } else {
    const all = parseGroups(body);
    if (all === undefined || all.length !== groupsNeeded) return undefined;
    groups = all;
  }
  const bytes: number[] = [];
  for (const g of [...groups, ...tail]) bytes.push(g >> 8, g & 0xff);
  return bytes;
}

/** The 16 bytes of an address, or undefined when the text is not a valid IPv4 or IPv6 address. */
export function parseIpBytes(ip: string): number[] | undefined {
  if (ip.includes(':')) return parseIpv6(ip);
  const v4 = parseIpv4Octets(ip);
  return v4 === undefined ? undefined : [...V4_MAPPED_PREFIX, ...v4];
}

export function isIpv4Mapped(bytes: readonly number[]): boolean {
  return V4_MAPPED_PREFIX.every((b, i) => bytes[i] === b);
}

/** Canonical text: IPv4 (also for IPv4-mapped IPv6) dotted; IPv6 lowercase with the longest zero run compressed (RFC 5952). */
export function formatIpBytes(bytes: readonly number[]): string {
  if (isIpv4Mapped(bytes)) return bytes.slice(12).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLength < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
