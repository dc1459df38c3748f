import type { LeafMapper, Mapper, ObjectMapper, RootMapping } from './types';

type Json = Record<string, unknown>;

function byName<T>(map: ReadonlyMap<string, T>): [string, T][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function leafJson(m: LeafMapper): Json {
  const out: Json = { type: m.type, ...m.params };
  if (m.fields.size > 0) {
    const fields: Json = {};
    for (const [name, sub] of byName(m.fields)) fields[name] = leafJson(sub);
    out.fields = fields;
  }
  return out;
}

function objectJson(m: ObjectMapper): Json {
  const out: Json = {};
  if (m.nested || m.properties.size === 0) out.type = m.nested ? 'nested' : 'object';
  if (m.dynamic !== undefined) out.dynamic = m.dynamic;
  if (!m.enabled) out.enabled = false;
  Object.assign(out, m.extra);
  if (m.properties.size > 0) out.properties = propertiesJson(m.properties);
  return out;
}

export function mapperJson(m: Mapper): Json {
  if (m.kind === 'leaf') return leafJson(m);
  if (m.kind === 'alias') return { type: 'alias', path: m.path };
  return objectJson(m);
}

function propertiesJson(props: ReadonlyMap<string, Mapper>): Json {
  const out: Json = {};
  for (const [name, m] of byName(props)) out[name] = mapperJson(m);
  return out;
}

/** The mapping as GET _mapping shows it: `{}` when empty, `properties` sorted by name. */
export function rootMappingJson(mapping: RootMapping): Json {
  const out: Json = {};
  for (const key of ['_meta', '_routing', '_source', '_field_names', '_data_stream_timestamp']) {
    if (mapping.meta[key] !== undefined) out[key] = mapping.meta[key];
  }
  if (mapping.root.dynamic !== undefined) out.dynamic = mapping.root.dynamic;
  if (mapping.dynamicDateFormats !== undefined) out.dynamic_date_formats = mapping.dynamicDateFormats;
  if (mapping.dynamicTemplates.length > 0) out.dynamic_templates = mapping.dynamicTemplates.map((t) => ({ [t.name]: t.raw }));
  if (!mapping.dateDetection) out.date_detection = false;
  if (mapping.numericDetection) out.numeric_detection = true;
  if (mapping.root.properties.size > 0) out.properties = propertiesJson(mapping.root.properties);
  return out;
}
