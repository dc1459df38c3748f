/**
 * Paths into a response, as the YAML tests write them: `hits.hits.0._source.foo`, with `\.` escaping a
 * dot inside a key (`_source.kibana\.alert\.uuid`) and `$body` meaning the whole body.
 */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '\\' && path[i + 1] === '.') {
      current += '.';
      i++;
    } else if (c === '.') {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves a path (already stash-substituted) in a body; undefined when any step is missing. */
export function evaluatePath(body: unknown, path: string): unknown {
  if (path === '$body' || path === '') return body;
  let current: unknown = body;
  for (const part of splitPath(path)) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) return undefined;
      current = current[Number(part)];
    } else if (isRecord(current)) {
      if (part === '_arbitrary_key_') {
        const keys = Object.keys(current);
        current = keys.length > 0 ? keys[0] : undefined;
        continue;
      }
      if (!(part in current)) return undefined;
      current = current[part];
    } else {
      return undefined;
    }
  }
  return current;
}
