/** `?assistant=<id>` (§1.1): read once per page load, then stripped from the URL. */
export const DEEP_LINK_PARAM = 'assistant';

export function takeDeepLink(win: Pick<Window, 'location' | 'history'>): string | undefined {
  const url = new URL(win.location.href);
  const id = url.searchParams.get(DEEP_LINK_PARAM);
  if (id === null) return undefined;
  url.searchParams.delete(DEEP_LINK_PARAM);
  win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return id.trim() || undefined;
}
