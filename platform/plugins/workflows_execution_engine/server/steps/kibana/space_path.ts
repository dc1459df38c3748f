/** Kibana's space URL prefix: none for `default`, `/s/<spaceId>` otherwise. */
export function spacePath(spaceId: string, path: string): string {
  return spaceId === 'default' || spaceId === '' ? path : `/s/${encodeURIComponent(spaceId)}${path}`;
}

/** `kibana.request` paths (workflow-engine §2.5): `/api/…`, `/internal/…` or `/s/<space>/…`, sent as written. */
export const KIBANA_REQUEST_PATH = /^\/(?:api\/|internal\/|s\/[^/?#]+\/)/;
