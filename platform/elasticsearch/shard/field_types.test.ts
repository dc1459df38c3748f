import { EsError } from '../errors';
import { parseLossless, stringifyLossless } from './lossless_json';
import { fieldOf, newShard } from '../test_support';

describe('more field types', () => {
  it('constant_keyword takes its value from the first document and rejects others', () => {
    const s = newShard({ properties: { c: { type: 'constant_keyword' } } });
    expect(s.indexDoc('1', '{"c":"x"}').mappingChanged).toBe(true);
    expect(s.mappingJson()).toEqual({ properties: { c: { type: 'constant_keyword', value: 'x' } } });
    s.indexDoc('2', '{}');
    expect(() => s.indexDoc('3', '{"c":"y"}')).toThrow(EsError);
    s.refresh();
    const c = fieldOf(s, 'c', 'terms');
    expect(Array.from(c.postings('x') ?? [])).toEqual([0, 1]);
    expect(c.values(1)).toEqual(['x']);
  });

  it('flattened indexes root and keyed values', () => {
    const s = newShard({ properties: { labels: { type: 'flattened' } } });
    s.indexDoc('1', JSON.stringify({ labels: { env: 'prod', team: { name: 'sec' }, n: 5 } }));
    s.refresh();
    expect(fieldOf(s, 'labels', 'terms').terms()).toEqual(['5', 'prod', 'sec']);
    expect(Array.from(fieldOf(s, 'labels.team.name', 'terms').postings('sec') ?? [])).toEqual([0]);
    expect(fieldOf(s, 'labels.missing', 'terms').docCount).toBe(0);
    expect(s.searchView().fieldPaths()).toEqual(['labels']);
  });

  it('match_only_text and wildcard are indexed', () => {
    const s = newShard({ properties: { m: { type: 'match_only_text' }, w: { type: 'wildcard' } } });
    s.indexDoc('1', '{"m":"Hello World","w":"C:\\\\Windows"}');
    s.refresh();
    const m = s.searchView().field('m');
    expect(m?.kind === 'text' && m.fieldLength(0)).toBe(1);
    expect(m?.kind === 'text' && Array.from(m.positions('world', 0))).toEqual([1]);
    expect(fieldOf(s, 'w', 'terms').values(0)).toEqual(['C:\\Windows']);
  });

  it('hides nested fields and unindexed fields from queries but keeps their mapping', () => {
    const s = newShard({ properties: { n: { type: 'nested', properties: { a: { type: 'keyword' } } }, x: { type: 'keyword', index: false, doc_values: false }, t: { type: 'text', index: false } } });
    s.indexDoc('1', '{"n":[{"a":"v"}],"x":"y","t":"z"}');
    s.refresh();
    const v = s.searchView();
    expect(v.field('n.a')).toBeUndefined();
    expect(v.mapping('n.a')).toBeUndefined();
    expect(v.field('x')).toBeUndefined();
    expect(v.mapping('x')?.type).toBe('keyword');
    expect(v.field('t')).toBeUndefined();
    expect(v.fieldPaths()).toEqual(['t', 'x']);
    expect(v.objectPaths()).toEqual([]);
  });

  it('stores routing and reports it on get', () => {
    const s = newShard();
    s.indexDoc('1', '{}', { routing: 'r' });
    s.refresh();
    expect(s.getDoc('1', true)).toMatchObject({ routing: 'r' });
    expect(s.searchView().routing(0)).toBe('r');
  });

  it('puts mappings through the shard', () => {
    const s = newShard({ properties: { a: { type: 'keyword' } } });
    expect(s.putMapping({ properties: { b: { type: 'long' } } })).toBe(true);
    expect(s.putMapping({ properties: { b: { type: 'long' } } })).toBe(false);
    expect(() => s.putMapping({ properties: { a: { type: 'long' } } })).toThrow('mapper [a] cannot be changed from type [keyword] to [long]');
    s.indexDoc('1', '{"b":"7"}');
    s.refresh();
    const b = s.searchView().field('b');
    expect(b?.kind === 'numeric' && b.values(0)).toEqual([7]);
  });
});

describe('lossless updates', () => {
  it('keeps number texts of untouched fields', () => {
    const s = newShard({ dynamic: false });
    s.indexDoc('1', '{"big":12345678901234567890,"f":1.0,"e":1e3,"s":"x","arr":[1.50,{"n":-0}]}');
    const r = s.updateDoc('1', { doc: { s: 'y' } });
    expect(r.source).toBe('{"big":12345678901234567890,"f":1.0,"e":1e3,"s":"y","arr":[1.50,{"n":-0}]}');
    expect(s.updateDoc('1', { doc: { f: 1, big: 12345678901234567890 } }).result).toBe('noop');
  });

  it('round-trips arbitrary JSON', () => {
    const text = '{"a":"q\\"uo\\u00e9te","b":[true,false,null,[]],"c":{},"d":-1.25e-7,"__proto__":{"x":1}}';
    const again = stringifyLossless(parseLossless(text));
    expect(again).toBe('{"a":"q\\"uoéte","b":[true,false,null,[]],"c":{},"d":-1.25e-7,"__proto__":{"x":1}}');
    expect(JSON.parse(again)).toEqual(JSON.parse(text));
    expect(() => parseLossless('{"a":}')).toThrow(SyntaxError);
  });
});
