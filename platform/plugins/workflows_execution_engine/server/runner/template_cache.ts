import type { Liquid } from 'liquidjs';

/** Parsed templates kept per engine; the definitions of a few workflows fit many times over. */
export const MAX_CACHED_TEMPLATES = 2000;
/** Longer strings are parsed every time (they are rare, and a few would crowd out the rest). */
export const MAX_CACHED_TEMPLATE_CHARS = 64 * 1024;

/**
 * Memoises `liquid.parse` for inline templates. The runner renders the same workflow strings for every step of every
 * execution, and parsing (tokenising, building the tag tree) was most of the Liquid cost. Parsed templates are
 * immutable and LiquidJS itself reuses them across renders (its file cache), so sharing them keeps every semantic,
 * including the limits: the parse limit is checked on the first parse, render and memory limits on every render.
 * Returns the same engine, patched; least recently used entries go first.
 */
export function cacheParsedTemplates(liquid: Liquid, maxEntries = MAX_CACHED_TEMPLATES): Liquid {
  const parse = liquid.parse.bind(liquid);
  const cache = new Map<string, ReturnType<Liquid['parse']>>();
  liquid.parse = (html: string, filepath?: string) => {
    if (filepath !== undefined || html.length > MAX_CACHED_TEMPLATE_CHARS) return parse(html, filepath);
    const hit = cache.get(html);
    if (hit !== undefined) {
      // Re-insert: Map order is the recency order.
      cache.delete(html);
      cache.set(html, hit);
      return hit;
    }
    const templates = parse(html);
    if (cache.size >= maxEntries) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(html, templates);
    return templates;
  };
  return liquid;
}
