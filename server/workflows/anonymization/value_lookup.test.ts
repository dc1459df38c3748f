import { buildValueLookup, candidateWords, isIpShaped, mappingTypeOf, toLookupType, valuesFromLookup, type LookupFieldType } from './value_lookup';

describe('candidateWords', () => {
  it('reads identity-shaped words, undoes Liquid escaping, keeps IPv6 whole and splits ports off IPv4', () => {
    const text = 'Top sources: fin-07.corp.example (3), CORP\\bob, O&#39;Neil &lt;x&gt; 10.0.0.1:443 fe80::1ff:fe23:4567:890a a1 jdoe@corp.example';
    expect(candidateWords([text])).toEqual([
      'Top',
      'sources',
      'fin-07.corp.example',
      'CORP\\bob',
      'Neil',
      '10.0.0.1',
      '443',
      'fe80',
      '1ff',
      'fe23',
      '4567',
      '890a',
      'jdoe@corp.example',
      'fe80::1ff:fe23:4567:890a',
    ]);
  });

  it('is distinct and bounded', () => {
    expect(candidateWords(['abc abc abd', 'abc abe'], 3)).toEqual(['abc', 'abd', 'abe']);
  });
});

describe('isIpShaped / toLookupType', () => {
  it('recognises IPv4 and IPv6 shapes only', () => {
    expect(['10.0.0.1', 'fe80::1', '::1'].every(isIpShaped)).toBe(true);
    expect(['10.0.0', '999.1.1.1', 'host-1', 'a:b:c', '443'].some(isIpShaped)).toBe(false);
    expect(['keyword', 'constant_keyword', 'wildcard', 'ip', 'text', 'long', undefined].map(toLookupType)).toEqual([
      'keyword',
      'keyword',
      'keyword',
      'ip',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('buildValueLookup / valuesFromLookup', () => {
  const types = new Map<string, LookupFieldType>([
    ['host.name', 'keyword'],
    ['host.ip', 'ip'],
  ]);

  it('asks each field with the words it can hold and reads the buckets back as one-field documents', () => {
    const request = buildValueLookup(types, ['fin-07', '10.0.0.1']);
    expect(request).toEqual({
      size: 0,
      query: { bool: { should: [{ terms: { 'host.name': ['fin-07', '10.0.0.1'] } }, { terms: { 'host.ip': ['10.0.0.1'] } }], minimum_should_match: 1 } },
      aggs: {
        f0: { terms: { field: 'host.name', include: ['fin-07', '10.0.0.1'], size: 2 } },
        f1: { terms: { field: 'host.ip', include: ['10.0.0.1'], size: 1 } },
      },
    });
    expect(valuesFromLookup(types, { f0: { buckets: [{ key: 'fin-07', doc_count: 2 }] }, f1: { buckets: [{ key: '10.0.0.1', doc_count: 1 }] } })).toEqual([
      { 'host.name': 'fin-07' },
      { 'host.ip': '10.0.0.1' },
    ]);
    expect(valuesFromLookup(types, undefined)).toEqual([]);
  });

  it('needs no request when no field can hold any word', () => {
    expect(buildValueLookup(new Map([['host.ip', 'ip']]), ['fin-07'])).toBeUndefined();
    expect(buildValueLookup(new Map(), ['fin-07'])).toBeUndefined();
  });
});

describe('mappingTypeOf', () => {
  it('finds nested and dotted property names', () => {
    const properties = { host: { properties: { name: { type: 'keyword' }, os: { properties: { 'full.name': { type: 'text' } } } } }, 'user.name': { type: 'keyword' } };
    expect(mappingTypeOf(properties, 'host.name')).toBe('keyword');
    expect(mappingTypeOf(properties, 'host.os.full.name')).toBe('text');
    expect(mappingTypeOf(properties, 'user.name')).toBe('keyword');
    expect(mappingTypeOf(properties, 'host.ip')).toBeUndefined();
    expect(mappingTypeOf(undefined, 'x')).toBeUndefined();
  });
});
