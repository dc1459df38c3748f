/** Kibana route paths (`/api/x/{id}`, `{id?}`, `{path*}`) → fastify paths, plus the wildcard param name. */
export function toFastifyPath(path: string): { url: string; wildcardParam?: string } {
  let wildcardParam: string | undefined;
  const url = path.replace(/\{([A-Za-z0-9_]+)(\?|\*)?\}/g, (_m, name: string, modifier?: string) => {
    if (modifier === '*') {
      wildcardParam = name;
      return '*';
    }
    return modifier === '?' ? `:${name}?` : `:${name}`;
  });
  return { url, wildcardParam };
}

/**
 * `/s/<id>/rest` → space id and the rest; `/s/<id>` alone → `/`. A malformed escape (`/s/%E0/...`) is
 * kept undecoded: it names no space (404), whereas throwing here would escape fastify and kill the process.
 */
export function splitSpacePrefix(url: string): { spaceId: string; rest: string } | undefined {
  const match = /^\/s\/([^/?#]+)(\/[^?#]*)?(\?.*)?$/.exec(url);
  if (!match) return undefined;
  return { spaceId: safeDecode(match[1]), rest: `${match[2] ?? '/'}${match[3] ?? ''}` };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
