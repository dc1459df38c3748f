import type { KibanaRequest } from '../http';
import { getRequestState } from '../http';

export interface Space {
  id: string;
  name: string;
  description?: string;
}

export const DEFAULT_SPACE: Space = { id: 'default', name: 'Default', description: 'This is your default space!' };

export interface SpacesServiceStart {
  getSpaceId(request: KibanaRequest): string;
  getAll(): Space[];
  get(id: string): Space | undefined;
  exists(id: string): boolean;
}

/** `default` plus the spaces declared in config (`spaces: [{ id, name }]`); a declared `default` renames it. */
export function createSpacesService(configured: readonly Space[]): SpacesServiceStart {
  const spaces = new Map<string, Space>([[DEFAULT_SPACE.id, DEFAULT_SPACE]]);
  const seen = new Set<string>();
  for (const space of configured) {
    if (seen.has(space.id)) throw new Error(`spaces: space id ${space.id} is declared twice`);
    seen.add(space.id);
    spaces.set(space.id, { ...space });
  }
  return {
    getSpaceId: (request) => getRequestState(request).spaceId,
    getAll: () => [...spaces.values()],
    get: (id) => spaces.get(id),
    exists: (id) => spaces.has(id),
  };
}

/** The URL prefix of a space: nothing for `default`, `/s/<id>` otherwise. */
export const spacePrefix = (spaceId: string) => (spaceId === DEFAULT_SPACE.id ? '' : `/s/${spaceId}`);
