import { EMPTY_ROOT, createMapping, parseDocument, rootMappingJson, updateMapping, type RootMapping } from './index';
import { errorOf } from '../test_support';

const OPTS = { ignoreMalformed: false, totalFieldsLimit: 1000 };

function parse(mapping: RootMapping, doc: Record<string, unknown>, id = '1') {
  return parseDocument(doc, JSON.stringify(doc), id, mapping, OPTS);
}

function valuesOf(mapping: RootMapping, doc: Record<string, unknown>): Record<string, unknown[]> {
  const parsed = parse(mapping, doc);
  const out: Record<string, unknown[]> = {};
  parsed.paths.forEach((p, i) => (out[p] ??= []).push(parsed.values[i]));
  return out;
}

describe('explicit mappings', () => {
  it('parses, normalises and echoes sorted properties', () => {
    const m = createMapping(
      {
        properties: {
          z: { type: 'keyword', ignore_above: '10', index: 'false' },
          'a.b': { type: 'long' },
          a: { properties: { c: { type: 'text', fields: { raw: { type: 'keyword' } } } } },
          al: { type: 'alias', path: 'z' },
        },
      },
      1000,
    );
    expect(rootMappingJson(m)).toEqual({
      properties: {
        a: { properties: { b: { type: 'long' }, c: { type: 'text', fields: { raw: { type: 'keyword' } } } } },
        al: { type: 'alias', path: 'z' },
        z: { type: 'keyword', ignore_above: 10, index: false },
      },
    });
    expect(Object.keys(rootMappingJson(m).properties as object)).toEqual(['a', 'al', 'z']);
    expect(rootMappingJson(EMPTY_ROOT)).toEqual({});
    expect(rootMappingJson(createMapping({ _doc: { dynamic: false, properties: { o: { properties: {} } } } }, 1000))).toEqual({ dynamic: 'false', properties: { o: { type: 'object' } } });
  });

  it('rejects bad mappings with mapper_parsing_exception', () => {
    const unknownParam = errorOf(() => createMapping({ properties: { f: { type: 'keyword', foo: 1 } } }, 1000));
    expect(unknownParam.type).toBe('mapper_parsing_exception');
    expect(unknownParam.reason).toBe('Failed to parse mapping: unknown parameter [foo] on mapper [f] of type [keyword]');
    expect(unknownParam.rootCauses()[0].reason).toBe('unknown parameter [foo] on mapper [f] of type [keyword]');
    expect(errorOf(() => createMapping({ properties: { f: { type: 'bogus' } } }, 1000)).reason).toBe('Failed to parse mapping: No handler for type [bogus] declared on field [f]');
    expect(errorOf(() => createMapping({ properties: { f: { type: 'scaled_float' } } }, 1000)).type).toBe('mapper_parsing_exception');
    expect(errorOf(() => createMapping({ properties: { al: { type: 'alias', path: 'nope' } } }, 1000)).reason).toContain('an alias must refer to an existing field');
    expect(errorOf(() => createMapping({ foo: 1 }, 1000)).reason).toBe('Failed to parse mapping: Root mapping definition has unsupported parameters:  [foo : 1]');
  });

  it('rejects unsupported features with §11 errors', () => {
    const e = errorOf(() => createMapping({ properties: { v: { type: 'dense_vector' } } }, 1000));
    expect(e.status).toBe(400);
    expect(e.meta.embedded_unsupported).toBe('knn');
    expect(errorOf(() => createMapping({ runtime: {} }, 1000)).meta.embedded_unsupported).toBe('runtime_mappings');
    expect(errorOf(() => createMapping({ properties: { d: { type: 'date_nanos' } } }, 1000)).meta.embedded_unsupported).toBe('date_nanos');
    expect(errorOf(() => createMapping({ properties: { t: { type: 'text', analyzer: 'my_custom' } } }, 1000)).meta.embedded_unsupported).toBeDefined();
  });

  it('enforces the total fields limit', () => {
    const e = errorOf(() => createMapping({ properties: { a: { type: 'keyword' }, b: { properties: { c: { type: 'long' } } } } }, 2));
    expect(e.type).toBe('illegal_argument_exception');
    expect(e.reason).toBe('Limit of total fields [2] has been exceeded while adding new fields [3]');
  });
});

describe('mapping merges', () => {
  const base = createMapping({ properties: { k: { type: 'keyword' }, t: { type: 'text', analyzer: 'whitespace' } } }, 1000);

  it('adds fields and reports changes', () => {
    const r = updateMapping(base, { properties: { n: { type: 'long' }, k: { type: 'keyword', ignore_above: 5 } } }, 1000);
    expect(r.changed).toBe(true);
    expect(rootMappingJson(r.mapping).properties).toMatchObject({ n: { type: 'long' }, k: { type: 'keyword', ignore_above: 5 } });
    expect(updateMapping(base, { properties: { k: { type: 'keyword' } } }, 1000).changed).toBe(false);
  });

  it('rejects type changes and non-updatable parameters', () => {
    const e = errorOf(() => updateMapping(base, { properties: { k: { type: 'long' } } }, 1000));
    expect(e.type).toBe('illegal_argument_exception');
    expect(e.reason).toBe('mapper [k] cannot be changed from type [keyword] to [long]');
    expect(errorOf(() => updateMapping(base, { properties: { t: { type: 'text' } } }, 1000)).reason).toBe(
      'Mapper for [t] conflicts with existing mapper:\n\tCannot update parameter [analyzer] from [whitespace] to [default]',
    );
    expect(errorOf(() => updateMapping(base, { properties: { k: { properties: { x: { type: 'long' } } } } }, 1000)).reason).toBe(
      'mapper [k] cannot be changed from type [keyword] to [object]',
    );
  });
});

describe('dynamic mapping and document parsing', () => {
  it('maps JSON types per §3', () => {
    const p = parse(EMPTY_ROOT, { b: true, i: 5, f: 1.5, d: '2026-01-01T00:00:00Z', s: 'hello', n: null, e: [], arr: [null, 3] });
    expect(rootMappingJson(p.mapping).properties).toEqual({
      arr: { type: 'long' },
      b: { type: 'boolean' },
      d: { type: 'date' },
      f: { type: 'float' },
      i: { type: 'long' },
      s: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
    });
    expect(p.mappingChanged).toBe(true);
  });

  it('treats dotted keys and nested objects as the same field and flattens arrays of objects', () => {
    const m = createMapping({ properties: { kibana: { properties: { alert: { properties: { uuid: { type: 'keyword' } } } } } } }, 1000);
    expect(valuesOf(m, { 'kibana.alert.uuid': 'a', kibana: { alert: { uuid: ['b'] }, 'alert.uuid': 'c' } })).toEqual({ 'kibana.alert.uuid': ['a', 'b', 'c'] });
    const p = parse(EMPTY_ROOT, { hosts: [{ name: 'x' }, { name: 'y' }] });
    expect(p.values.filter((_, i) => p.paths[i] === 'hosts.name.keyword')).toEqual(['x', 'y']);
  });

  it('coerces values and enforces ranges', () => {
    const m = createMapping({ properties: { b: { type: 'byte' }, l: { type: 'long' }, h: { type: 'half_float' }, s: { type: 'scaled_float', scaling_factor: 10 }, bool: { type: 'boolean' } } }, 1000);
    expect(valuesOf(m, { b: '12', l: 3.7, h: 0.1, s: 1.26, bool: 'false' })).toEqual({ b: [12], l: [3], h: [0.0999755859375], s: [1.3], bool: ['false'] });
    const e = errorOf(() => parse(m, { b: 200 }, 'x'));
    expect(e.type).toBe('document_parsing_exception');
    expect(e.reason).toBe("[1:6] failed to parse field [b] of type [byte] in document with id 'x'. Preview of field's value: '200'");
    expect(e.causedBy?.reason).toBe('Value [200] is out of range for a byte');
  });

  it('applies null_value, ignore_above and normalizer', () => {
    const m = createMapping({ properties: { k: { type: 'keyword', null_value: 'NIL', ignore_above: 3, normalizer: 'lowercase' } } }, 1000);
    const p = parse(m, { k: [null, 'AB', 'abcd'] });
    expect(p.values).toEqual(['nil', 'ab']);
    expect(p.ignored).toEqual(['k']);
  });

  it('honours dynamic false and strict, and enabled:false', () => {
    const m = createMapping({ dynamic: 'strict', properties: { o: { type: 'object', dynamic: false }, off: { type: 'object', enabled: false } } }, 1000);
    expect(parse(m, { o: { x: 1 }, off: { anything: [1, { a: 'b' }] } }).paths).toEqual([]);
    const e = errorOf(() => parse(m, { nope: 1 }));
    expect(e.type).toBe('strict_dynamic_mapping_exception');
    expect(e.reason).toBe('[1:9] mapping set to strict, dynamic introduction of [nope] within [_doc] is not allowed');
  });

  it('rejects object/scalar conflicts and metadata fields', () => {
    const m = createMapping({ properties: { o: { properties: { a: { type: 'keyword' } } }, k: { type: 'keyword' } } }, 1000);
    expect(errorOf(() => parse(m, { o: 'x' })).reason).toBe('[1:6] object mapping for [o] tried to parse field [o] as object, but found a concrete value');
    expect(errorOf(() => parse(m, { k: { a: 1 } })).reason).toBe("[1:6] failed to parse field [k] of type [keyword] in document with id '1'. Preview of field's value: '{a=1}'");
    expect(errorOf(() => parse(m, { _id: 'x' })).reason).toBe(
      '[1:2] Field [_id] is a metadata field and cannot be added inside a document. Use the index API request parameters.',
    );
  });

  it('uses dynamic templates', () => {
    const m = createMapping(
      {
        dynamic_templates: [
          { strings_as_kw: { match_mapping_type: 'string', match: 'kw_*', mapping: { type: 'keyword' } } },
          { longs: { path_match: 'metrics.*', match_mapping_type: 'long', mapping: { type: 'integer' } } },
        ],
      },
      1000,
    );
    const p = parse(m, { kw_a: 'x', other: 'y', metrics: { cpu: 5 } });
    expect(rootMappingJson(p.mapping).properties).toEqual({
      kw_a: { type: 'keyword' },
      metrics: { properties: { cpu: { type: 'integer' } } },
      other: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
    });
  });

  it('keeps nested fields out of the indexed values', () => {
    const m = createMapping({ properties: { n: { type: 'nested', properties: { a: { type: 'keyword' } } }, k: { type: 'keyword' } } }, 1000);
    expect(valuesOf(m, { n: [{ a: 'x' }], k: 'y' })).toEqual({ k: ['y'] });
  });

  it('ignore_malformed skips the value and records it', () => {
    const m = createMapping({ properties: { d: { type: 'date', ignore_malformed: true } } }, 1000);
    const p = parse(m, { d: 'not a date' });
    expect(p.values).toEqual([]);
    expect(p.ignored).toEqual(['d']);
    expect(parseDocument({ n: 'x' }, '{"n":"x"}', '1', createMapping({ properties: { n: { type: 'long' } } }, 1000), { ignoreMalformed: true, totalFieldsLimit: 1000 }).ignored).toEqual(['n']);
  });

  it('enforces the total fields limit for dynamic fields', () => {
    const e = errorOf(() => parseDocument({ a: 1, b: 2 }, '{"a":1,"b":2}', '1', EMPTY_ROOT, { ignoreMalformed: false, totalFieldsLimit: 1 }));
    expect(e.type).toBe('document_parsing_exception');
    expect(e.reason).toBe('[1:12] failed to parse: Limit of total fields [1] has been exceeded while adding new fields [2]');
    expect(errorOf(() => parseDocument({ s: 'x' }, '{"s":"x"}', '1', EMPTY_ROOT, { ignoreMalformed: false, totalFieldsLimit: 1 })).reason).toBe(
      '[1:6] failed to parse: Limit of total fields [1] has been exceeded while adding new fields [2]',
    );
  });
});

describe('field names', () => {
  it('rejects empty field names as ES does (illegal_argument_exception cause)', () => {
    const e = errorOf(() => createMapping({ properties: { '': { type: 'keyword' } } }, 1000));
    expect(e.type).toBe('mapper_parsing_exception');
    expect(e.rootCauses()[0]).toMatchObject({ type: 'illegal_argument_exception', reason: 'field name cannot be an empty string' });
  });
});

describe('dynamic details', () => {
  it('replaces {name} and {dynamic_type} (the default mapping type) in templates', () => {
    const m = createMapping({ dynamic_templates: [{ all: { match_mapping_type: '*', mapping: { type: '{dynamic_type}', meta: { from: '{name}' } } } }] }, 1000);
    const p = parse(m, { n: 1, f: 1.5, s: 'x', b: true });
    expect(rootMappingJson(p.mapping).properties).toEqual({
      b: { type: 'boolean', meta: { from: 'b' } },
      f: { type: 'float', meta: { from: 'f' } },
      n: { type: 'long', meta: { from: 'n' } },
      s: { type: 'text', meta: { from: 's' } },
    });
  });

  it('maps an array by its first non-null value and rejects later incompatible ones', () => {
    expect(rootMappingJson(parse(EMPTY_ROOT, { a: [null, true, false] }).mapping).properties).toEqual({ a: { type: 'boolean' } });
    expect(errorOf(() => parse(EMPTY_ROOT, { a: [1, 'x'] })).reason).toContain('failed to parse field [a] of type [long]');
  });

  it('inherits dynamic settings and lets children override them', () => {
    const m = createMapping({ dynamic: 'strict', properties: { open: { type: 'object', dynamic: true, properties: { inner: { properties: {} } } } } }, 1000);
    const p = parse(m, { open: { x: 1, inner: { y: 'z' } } });
    expect(p.paths).toEqual(['open.x', 'open.inner.y', 'open.inner.y.keyword']);
    expect(errorOf(() => parse(m, { other: 1 })).type).toBe('strict_dynamic_mapping_exception');
  });

  it('rejects a dotted path through a leaf', () => {
    const m = createMapping({ properties: { a: { type: 'keyword' } } }, 1000);
    expect(errorOf(() => parse(m, { 'a.b': 1 })).reason).toBe(
      '[1:8] Could not dynamically add mapping for field [a.b]. Existing mapping for [a] must be of type object but found [keyword].',
    );
  });

  it('writes to aliases are rejected', () => {
    const m = createMapping({ properties: { a: { type: 'keyword' }, al: { type: 'alias', path: 'a' } } }, 1000);
    expect(errorOf(() => parse(m, { al: 'x' })).reason).toBe('[1:7] Cannot write to a field alias [al].');
  });

  it('detects slash dates and respects date_detection:false', () => {
    expect(rootMappingJson(parse(EMPTY_ROOT, { d: '2026/01/02' }).mapping).properties).toEqual({
      d: { type: 'date', format: 'yyyy/MM/dd HH:mm:ss||yyyy/MM/dd||epoch_millis' },
    });
    const off = createMapping({ date_detection: false }, 1000);
    expect(rootMappingJson(parse(off, { d: '2026-01-02' }).mapping).properties).toMatchObject({ d: { type: 'text' } });
  });
});
