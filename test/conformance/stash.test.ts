import { evaluatePath, splitPath } from './object_path';
import { Stash } from './stash';

describe('object paths', () => {
  const body = { hits: { hits: [{ _id: 'a', _source: { 'kibana.alert.uuid': 'u1', foo: { bar: 1 } } }] }, nodes: { n1: { name: 'x' } } };

  it('splits on dots, keeping escaped ones', () => {
    expect(splitPath('a.b\\.c.0')).toEqual(['a', 'b.c', '0']);
  });

  it('evaluates paths through maps and lists', () => {
    expect(evaluatePath(body, 'hits.hits.0._id')).toBe('a');
    expect(evaluatePath(body, 'hits.hits.0._source.kibana\\.alert\\.uuid')).toBe('u1');
    expect(evaluatePath(body, 'hits.hits.0._source.foo')).toEqual({ bar: 1 });
    expect(evaluatePath(body, 'hits.hits.1')).toBeUndefined();
    expect(evaluatePath(body, 'hits.total.value')).toBeUndefined();
    expect(evaluatePath(body, '$body')).toBe(body);
    expect(evaluatePath(body, '')).toBe(body);
    expect(evaluatePath(body, 'nodes._arbitrary_key_')).toBe('n1');
  });
});

describe('Stash', () => {
  const stash = new Stash();
  stash.set('id', 'doc-1');
  stash.set('seq', 7);
  stash.set('node', 'n.1');
  stash.set('body', { hits: { total: 3 } });

  it('replaces whole $var values keeping their type', () => {
    expect(stash.substitute('$seq')).toBe(7);
    expect(stash.substitute('${seq}')).toBe(7);
    expect(stash.substitute({ if_seq_no: '$seq', id: '$id' })).toEqual({ if_seq_no: 7, id: 'doc-1' });
    expect(stash.substitute(['$id', 1, null])).toEqual(['doc-1', 1, null]);
  });

  it('replaces ${var} inside strings and in keys', () => {
    expect(stash.substitute('prefix-${id}-${seq}')).toBe('prefix-doc-1-7');
    expect(stash.substitute({ $id: { '${id}_x': 1 } })).toEqual({ 'doc-1': { 'doc-1_x': 1 } });
  });

  it('reads paths inside stashed values', () => {
    expect(stash.substitute('$body.hits.total')).toBe(3);
  });

  it('leaves strings without stash references alone', () => {
    expect(stash.substitute('/^\\d+$/')).toBe('/^\\d+$/');
    expect(stash.substitute('no vars')).toBe('no vars');
  });

  it('substitutes path parts, escaping dots in the value', () => {
    expect(stash.substitutePath('nodes.$node.name')).toBe('nodes.n\\.1.name');
    expect(evaluatePath({ nodes: { 'n.1': { name: 'x' } } }, stash.substitutePath('nodes.$node.name'))).toBe('x');
    expect(stash.substitutePath('$body')).toBe('$body');
  });

  it('fails on unknown names', () => {
    expect(() => stash.substitute('$missing')).toThrow('stash does not contain [missing]');
  });
});
