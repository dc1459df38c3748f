/**
 * Builds one nested config object from YAML documents (nested or flat dotted keys) and CLI overrides.
 * Maps whose keys themselves contain dots (feature flag keys, logger names) are kept flat.
 */

export type ConfigTree = Record<string, unknown>;

/** Subtrees whose remaining path is one key: `feature_flags.overrides.a.b.c` → overrides['a.b.c']. */
export const FLAT_MAP_PATHS: readonly string[][] = [
  ['feature_flags', 'overrides'],
  ['logging', 'levels'],
];

export class ConfigMergeError extends Error {
  override readonly name = 'ConfigMergeError';
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Splits dotted segments and collapses the tail below a flat-map path into a single key. */
export function normalizePath(segments: readonly string[]): string[] {
  const path = segments.flatMap((s) => s.split('.')).filter((s) => s !== '');
  for (const prefix of FLAT_MAP_PATHS) {
    if (path.length > prefix.length && prefix.every((p, i) => path[i] === p)) {
      return [...prefix, path.slice(prefix.length).join('.')];
    }
  }
  return path;
}

export function setPath(tree: ConfigTree, path: readonly string[], value: unknown): void {
  let node = tree;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const existing = node[key];
    if (existing === undefined) {
      const child: ConfigTree = {};
      node[key] = child;
      node = child;
    } else if (isPlainObject(existing)) {
      node = existing;
    } else {
      throw new ConfigMergeError(`[${path.slice(0, i + 1).join('.')}] is a value, but [${path.join('.')}] is also set`);
    }
  }
  const last = path[path.length - 1];
  node[last] = value;
}

export function getPath(tree: unknown, path: readonly string[]): unknown {
  let node = tree;
  for (const key of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Walks a parsed YAML document into (path, value) leaves; arrays and empty objects are leaves. */
export function collectLeaves(
  value: unknown,
  prefix: string[] = [],
  out: Array<{ path: string[]; value: unknown }> = []
): Array<{ path: string[]; value: unknown }> {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) collectLeaves(child, [...prefix, key], out);
  } else if (prefix.length > 0) {
    out.push({ path: normalizePath(prefix), value });
  }
  return out;
}

/** Later documents win leaf by leaf (a later nested object merges into an earlier one). */
export function mergeDocuments(documents: readonly unknown[]): ConfigTree {
  const tree: ConfigTree = {};
  for (const doc of documents) {
    if (doc === null || doc === undefined) continue;
    if (!isPlainObject(doc)) throw new ConfigMergeError('A config file must be a YAML mapping of settings');
    for (const leaf of collectLeaves(doc)) setPath(tree, leaf.path, leaf.value);
  }
  return tree;
}

/** Replaces `${NAME}` and `${NAME:default}` in string values from the environment, as kibana.yml allows. */
export function substituteEnv(value: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}/g, (_match, name: string, fallback?: string) => {
      const resolved = env[name] ?? fallback;
      if (resolved === undefined) throw new ConfigMergeError(`Unknown environment variable referenced in config: ${name}`);
      return resolved;
    });
  }
  if (Array.isArray(value)) return value.map((v) => substituteEnv(v, env));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteEnv(v, env)]));
  }
  return value;
}
