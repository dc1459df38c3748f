import fc from 'fast-check';
import { canonicalIp, cidrToKeyRange, ipToKey, keyToIp } from './index';

describe('ip keys', () => {
  it.each([
    ['192.168.0.1', '192.168.0.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['::', '::'],
    ['::1', '::1'],
    ['fe80::', 'fe80::'],
    ['::1.2.3.4', '::102:304'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
  ])('%s prints as %s', (input, expected) => {
    const key = ipToKey(input);
    expect(key).toHaveLength(32);
    expect(keyToIp(key ?? '')).toBe(expected);
    expect(canonicalIp(input)).toBe(expected);
  });

  it.each(['256.1.1.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1::2::3', '12345::', '1:2:3:4:5:6:7:8:9', 'g::1', 'abc', '', '1:2:3:4:5:6:7::8:9'])(
    'rejects %j',
    (input) => {
      expect(ipToKey(input)).toBeUndefined();
    },
  );

  it('maps IPv4 into IPv6 and sorts keys in address order', () => {
    expect(ipToKey('1.2.3.4')).toBe('00000000000000000000ffff01020304');
    const ordered = ['::1', '0.0.0.1', '9.255.255.255', '10.0.0.0', '255.255.255.255', '2001:db8::', 'ffff::'];
    const keys = ordered.map((ip) => ipToKey(ip) ?? '');
    expect([...keys].sort()).toEqual(keys);
  });

  it('round-trips random IPv6 addresses through key and text', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), (groups) => {
        const text = groups.map((g) => g.toString(16)).join(':');
        const key = ipToKey(text) ?? '';
        expect(ipToKey(keyToIp(key))).toBe(key);
      }),
    );
  });
});

describe('cidrToKeyRange', () => {
  it('computes IPv4 ranges in the mapped space and ignores host bits', () => {
    expect(cidrToKeyRange('192.168.1.77/24')).toEqual([ipToKey('192.168.1.0'), ipToKey('192.168.1.255')]);
    expect(cidrToKeyRange('10.0.0.0/8')).toEqual([ipToKey('10.0.0.0'), ipToKey('10.255.255.255')]);
    expect(cidrToKeyRange('0.0.0.0/0')).toEqual([ipToKey('0.0.0.0'), ipToKey('255.255.255.255')]);
    expect(cidrToKeyRange('1.2.3.4/32')).toEqual([ipToKey('1.2.3.4'), ipToKey('1.2.3.4')]);
  });

  it('computes IPv6 ranges', () => {
    expect(cidrToKeyRange('2001:db8::/32')).toEqual([ipToKey('2001:db8::'), ipToKey('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff')]);
    expect(cidrToKeyRange('::/0')).toEqual(['0'.repeat(32), 'f'.repeat(32)]);
    expect(cidrToKeyRange('2001:db8::1/127')).toEqual([ipToKey('2001:db8::'), ipToKey('2001:db8::1')]);
  });

  it('accepts a plain address and rejects bad input', () => {
    expect(cidrToKeyRange('1.2.3.4')).toEqual([ipToKey('1.2.3.4'), ipToKey('1.2.3.4')]);
    expect(cidrToKeyRange('1.2.3.4/33')).toBeUndefined();
    expect(cidrToKeyRange('::/129')).toBeUndefined();
    expect(cidrToKeyRange('1.2.3.4/x')).toBeUndefined();
    expect(cidrToKeyRange('nope/8')).toBeUndefined();
  });
});
