/**
 * `filter_path`: comma-separated dotted patterns with `*` (one level, or inside a name), `**` (any
 * depth) and leading `-` exclusions. Arrays are transparent. Applied to the parsed response tree.
 */
import { simpleMatch } from '../node/wildcard';

type Tree = unknown;

function matchPath(pattern: string[], path: string[]): 'full' | 'prefix' | 'none' {
  const walk = (pi: number, si: number): 'full' | 'prefix' | 'none' => {
    if (si === path.length) {
      if (pi === pattern.length || (pi === pattern.length - 1 && pattern[pi] === '**')) return 'full';
      return 'prefix';
    }
    if (pi === pattern.length) return 'none';
    const p = pattern[pi];
    if (p === '**') {
      const skip = walk(pi + 1, si);
      if (skip === 'full') return 'full';
      const consume = walk(pi, si + 1);
      if (consume === 'full') return 'full';
      return skip === 'prefix' || consume === 'prefix' ? 'prefix' : 'none';
    }
    if (!simpleMatch(p, path[si])) return 'none';
    return walk(pi + 1, si + 1);
  };
  return walk(0, 0);
}

function filter(tree: Tree, path: string[], includes: string[][], excludes: string[][]): Tree | undefined {
  if (Array.isArray(tree)) {
    const out = tree.map((v) => filter(v, path, includes, excludes)).filter((v) => v !== undefined);
    return out.length > 0 ? out : undefined;
  }
  if (path.length > 0) {
    if (excludes.some((e) => matchPath(e, path) === 'full')) return undefined;
  }
  const inc = includes.length === 0 ? 'full' : path.length === 0 ? 'prefix' : best(includes.map((i) => matchPath(i, path)));
  if (inc === 'none') return undefined;
  if (tree === null || typeof tree !== 'object') return inc === 'full' ? tree : undefined;
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(tree)) {
    const childPath = [...path, k];
    if (inc === 'full' && excludes.length === 0) {
      out[k] = v;
      any = true;
      continue;
    }
    const childIncludes = inc === 'full' ? [] : includes;
    const filtered = filter(v, childPath, childIncludes, excludes);
    if (filtered !== undefined) {
      out[k] = filtered;
      any = true;
    }
  }
  if (!any && path.length > 0 && inc !== 'full') return undefined;
  return out;
}

function best(results: Array<'full' | 'prefix' | 'none'>): 'full' | 'prefix' | 'none' {
  if (results.includes('full')) return 'full';
  if (results.includes('prefix')) return 'prefix';
  return 'none';
}

export function applyFilterPath(tree: Tree, filterPath: string): Tree {
  const parts = filterPath.split(',').map((s) => s.trim()).filter(Boolean);
  const includes = parts.filter((p) => !p.startsWith('-')).map((p) => p.split('.'));
  const excludes = parts.filter((p) => p.startsWith('-')).map((p) => p.slice(1).split('.'));
  const out = filter(tree, [], includes, excludes);
  return out === undefined ? {} : out;
}
