import { filterSource } from './source_filter';

describe('filterSource', () => {
  const nested = { a: { b: 1, c: { d: 2, e: 3 } }, f: [{ g: 1, h: 2 }, { g: 3 }], i: 'x' };
  const flat = { 'a.b': 1, 'a.c.d': 2, 'a.c.e': 3, i: 'x' };

  it('handles the disabled and whole-source forms', () => {
    expect(filterSource(nested, false)).toBeUndefined();
    expect(filterSource(nested, true)).toBe(nested);
    expect(filterSource(nested, undefined)).toBe(nested);
  });

  it('includes object paths with their subtree, in nested and flat sources alike', () => {
    expect(filterSource(nested, 'a.c')).toEqual({ a: { c: { d: 2, e: 3 } } });
    expect(filterSource(flat, 'a.c')).toEqual({ 'a.c.d': 2, 'a.c.e': 3 });
    expect(filterSource(nested, ['i', 'a.b'])).toEqual({ a: { b: 1 }, i: 'x' });
  });

  it('matches wildcards across dots', () => {
    expect(filterSource(nested, '*.d')).toEqual({ a: { c: { d: 2 } } });
    expect(filterSource(flat, 'a.*')).toEqual({ 'a.b': 1, 'a.c.d': 2, 'a.c.e': 3 });
    expect(filterSource(nested, 'a*')).toEqual({ a: nested.a });
  });

  it('lets excludes win and keeps key order', () => {
    expect(filterSource(nested, { includes: ['a'], excludes: ['a.c.d'] })).toEqual({ a: { b: 1, c: { e: 3 } } });
    expect(filterSource(flat, { excludes: ['a.c'] })).toEqual({ 'a.b': 1, i: 'x' });
    expect(Object.keys(filterSource({ z: 1, y: 2, x: 3 }, { excludes: ['y'] }) ?? {})).toEqual(['z', 'x']);
  });

  it('filters objects inside arrays', () => {
    expect(filterSource(nested, 'f.g')).toEqual({ f: [{ g: 1 }, { g: 3 }] });
    expect(filterSource(nested, { excludes: ['f.g'] })).toEqual({ a: nested.a, f: [{ h: 2 }], i: 'x' });
  });

  it('drops objects that includes leave empty', () => {
    expect(filterSource(nested, 'nope')).toEqual({});
  });
});
