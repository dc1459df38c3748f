/** Pure: registered apps → side navigation groups (by category order, then app order, then title). */
import type { PublicApp } from '../../core/public';

export interface NavLink {
  id: string;
  title: string;
  href: string;
  /** The app the link belongs to, and the path inside it. */
  appId: string;
  path: string;
}

export interface NavGroup {
  id: string;
  label: string;
  iconType?: string;
  links: NavLink[];
}

const OTHER = { id: 'other', label: 'Other', order: Number.MAX_SAFE_INTEGER };

export function buildNavGroups(apps: Iterable<PublicApp>, urlFor: (appId: string, path: string) => string): NavGroup[] {
  const groups = new Map<string, { group: NavGroup; order: number; apps: PublicApp[] }>();
  for (const app of apps) {
    const cat = app.category ?? OTHER;
    let entry = groups.get(cat.id);
    if (!entry) {
      entry = { group: { id: cat.id, label: cat.label, iconType: 'euiIconType' in cat ? cat.euiIconType : undefined, links: [] }, order: cat.order ?? 1000, apps: [] };
      groups.set(cat.id, entry);
    }
    entry.apps.push(app);
  }
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || a.group.label.localeCompare(b.group.label))
    .map(({ group, apps: list }) => {
      const links = list
        .sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || a.title.localeCompare(b.title))
        .flatMap((app) =>
          app.deepLinks && app.deepLinks.length > 0
            ? app.deepLinks.map((d) => ({ id: `${app.id}:${d.id}`, title: d.title, appId: app.id, path: d.path, href: urlFor(app.id, d.path) }))
            : [{ id: app.id, title: app.title, appId: app.id, path: '', href: urlFor(app.id, '') }],
        );
      return { ...group, links };
    });
}

/** The link for the current location: the longest href that prefixes the pathname. */
export function selectedLinkId(groups: NavGroup[], pathname: string): string | undefined {
  let best: NavLink | undefined;
  for (const link of groups.flatMap((g) => g.links)) {
    if ((pathname === link.href || pathname.startsWith(`${link.href}/`)) && (!best || link.href.length > best.href.length)) best = link;
  }
  return best?.id;
}
