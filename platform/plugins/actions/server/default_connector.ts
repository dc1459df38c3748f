import type { DefaultConnectorResolution } from './types';

interface Resolvable {
  id: string;
  name: string;
  isPreconfigured: boolean;
  isMissingSecrets: boolean;
}

const byName = <C extends Resolvable>(a: C, b: C) =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Workflow `connector-id` and chat `connectorId`: matched by id, then by exact name. */
export function findConnectorByIdOrName<C extends Resolvable>(connectors: readonly C[], idOrName: string): C | undefined {
  return connectors.find((c) => c.id === idOrName) ?? connectors.find((c) => c.name === idOrName);
}

/**
 * assistant.md §3.5: space setting `genAI:defaultConnectorId` → config `defaultConnectorId` → the only connector →
 * the first preconfigured → the first by name. Explicit choices are honoured as they are; the automatic steps
 * skip connectors with missing secrets, which could not answer anyway.
 */
export function resolveDefaultConnector<C extends Resolvable>(
  connectors: readonly C[],
  options: { spaceSettingId?: string; configDefaultId?: string } = {},
): DefaultConnectorResolution<C> | undefined {
  let missing: DefaultConnectorResolution<C>['missing'];
  const explicit: Array<['space_setting' | 'config', string | undefined]> = [
    ['space_setting', options.spaceSettingId],
    ['config', options.configDefaultId],
  ];
  for (const [source, id] of explicit) {
    if (!id) continue;
    const found = findConnectorByIdOrName(connectors, id);
    if (found) return { connector: found, source, ...(missing ? { missing } : {}) };
    missing ??= { source, id };
  }
  const usable = connectors.filter((c) => !c.isMissingSecrets);
  const withMissing = (r: Omit<DefaultConnectorResolution<C>, 'missing'>) => (missing ? { ...r, missing } : r);
  if (usable.length === 1) return withMissing({ connector: usable[0], source: 'only_connector' });
  const preconfigured = usable.filter((c) => c.isPreconfigured).sort(byName);
  if (preconfigured.length > 0) return withMissing({ connector: preconfigured[0], source: 'preconfigured' });
  const sorted = [...usable].sort(byName);
  if (sorted.length > 0) return withMissing({ connector: sorted[0], source: 'first_by_name' });
  return undefined;
}
