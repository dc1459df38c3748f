import type { LeafFieldMapping } from '../search_view';
import type { LeafMapper, ObjectMapper, RootMapping } from './types';

/** The flat view of a mapping that readers need: leaves by full path, aliases, object paths. */
export interface FieldCatalog {
  /** Leaf fields (multi-fields included) outside nested objects, by full path. */
  readonly leaves: ReadonlyMap<string, LeafFieldMapping>;
  /** Alias path → target leaf path. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Sorted leaf paths plus alias paths. */
  readonly fieldPaths: readonly string[];
  /** Sorted non-nested object paths. */
  readonly objectPaths: readonly string[];
  /** Flattened field roots (their `root.key` sub-paths are queryable but not listed). */
  readonly flattenedRoots: readonly string[];
}

function sortStrings(a: string[]): string[] {
  return a.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

export function buildCatalog(mapping: RootMapping): FieldCatalog {
  const leaves = new Map<string, LeafFieldMapping>();
  const aliases = new Map<string, string>();
  const objects: string[] = [];
  const flattenedRoots: string[] = [];
  const addLeaf = (path: string, m: LeafMapper): void => {
    leaves.set(path, { path, type: m.type, params: m.params });
    if (m.type === 'flattened') flattenedRoots.push(path);
    for (const [name, sub] of m.fields) addLeaf(`${path}.${name}`, sub);
  };
  const visit = (o: ObjectMapper, prefix: string): void => {
    for (const [name, m] of o.properties) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (m.kind === 'object') {
        if (m.nested) continue;
        objects.push(path);
        visit(m, path);
      } else if (m.kind === 'alias') aliases.set(path, m.path);
      else addLeaf(path, m);
    }
  };
  visit(mapping.root, '');
  for (const [alias, target] of aliases) if (!leaves.has(target)) aliases.delete(alias);
  return {
    leaves,
    aliases,
    fieldPaths: sortStrings([...leaves.keys(), ...aliases.keys()]),
    objectPaths: sortStrings(objects),
    flattenedRoots,
  };
}
