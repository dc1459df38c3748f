/** K9: the `text` and `semantic_text` fields of each index, from a `GET _mapping` answer (pure). */
export function textFieldsFromMappings(
  mappings: Record<string, { mappings?: { properties?: Record<string, unknown> } }>,
): Record<string, { text: string[]; semantic_text: string[] }> {
  const out: Record<string, { text: string[]; semantic_text: string[] }> = {};
  for (const [index, body] of Object.entries(mappings)) {
    const found = { text: [] as string[], semantic_text: [] as string[] };
    walk(body.mappings?.properties ?? {}, '', found);
    if (found.text.length > 0 || found.semantic_text.length > 0) {
      out[index] = { text: found.text.sort(), semantic_text: found.semantic_text.sort() };
    }
  }
  return out;
}

function walk(properties: Record<string, unknown>, prefix: string, found: { text: string[]; semantic_text: string[] }) {
  for (const [name, raw] of Object.entries(properties)) {
    const def = raw as { type?: string; properties?: Record<string, unknown>; fields?: Record<string, unknown> };
    const path = `${prefix}${name}`;
    if (def.type === 'text' || def.type === 'match_only_text') found.text.push(path);
    if (def.type === 'semantic_text') found.semantic_text.push(path);
    if (def.properties) walk(def.properties, `${path}.`, found);
    if (def.fields) walk(def.fields, `${path}.`, found);
  }
}

/** Search excerpts for index entries (§7.1): up to `count` windows of `width` chars around matched terms. */
export function excerpts(text: string, query: string, options: { count?: number; width?: number } = {}): string[] {
  const count = options.count ?? 2;
  const width = options.width ?? 300;
  const terms = query.toLowerCase().split(/\W+/).filter((t) => t.length > 1);
  const lower = text.toLowerCase();
  const out: string[] = [];
  let from = 0;
  while (out.length < count) {
    let best = -1;
    for (const term of terms) {
      const at = lower.indexOf(term, from);
      if (at !== -1 && (best === -1 || at < best)) best = at;
    }
    if (best === -1) break;
    const start = Math.max(0, best - Math.floor(width / 2));
    const end = Math.min(text.length, start + width);
    out.push(`${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`);
    from = end;
  }
  if (out.length === 0 && text.length > 0) out.push(text.length > width ? `${text.slice(0, width)}…` : text);
  return out;
}
