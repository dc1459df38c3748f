/**
 * Query DSL clauses that read documents from an index named in the request (terms lookup, more_like_this
 * with `_index`, percolate by id, geo_shape `indexed_shape`). The alerts routes pin the index to the space's
 * alias; these would let a query probe other spaces' alerts, notes or connectors, so they are refused.
 */
export function findCrossIndexClause(value: unknown): string | undefined {
  const stack: Array<{ node: unknown; path: string }> = [{ node: value, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || item.node === null || typeof item.node !== 'object') continue;
    for (const [key, child] of Object.entries(item.node)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (key === 'more_like_this' || key === 'percolate' || key === 'indexed_shape') return path;
      if (key === 'terms' && child !== null && typeof child === 'object' && !Array.isArray(child)) {
        for (const [field, spec] of Object.entries(child)) {
          if (spec !== null && typeof spec === 'object' && !Array.isArray(spec) && 'index' in spec) return `${path}.${field}`;
        }
      }
      stack.push({ node: child, path });
    }
  }
  return undefined;
}
