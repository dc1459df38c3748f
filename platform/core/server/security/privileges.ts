import type { PrivilegeRequirement } from '../http';
import type { KibanaFeature } from './features';

export type FeaturePrivilegeName = 'all' | 'read';

export interface RoleDefinition {
  name: string;
  /** Grants everything everywhere, including privileges no feature declares. */
  superuser?: boolean;
  kibana: Array<{ spaces: string[]; base: FeaturePrivilegeName[]; feature: Record<string, FeaturePrivilegeName[]> }>;
}

/** Kibana's built-in roles relevant without Elasticsearch security. */
export const BUILT_IN_ROLES: Readonly<Record<string, RoleDefinition>> = {
  superuser: { name: 'superuser', superuser: true, kibana: [] },
  kibana_admin: { name: 'kibana_admin', kibana: [{ spaces: ['*'], base: ['all'], feature: {} }] },
  editor: { name: 'editor', kibana: [{ spaces: ['*'], base: ['all'], feature: {} }] },
  viewer: { name: 'viewer', kibana: [{ spaces: ['*'], base: ['read'], feature: {} }] },
};

export interface SpacePrivileges {
  superuser: boolean;
  /** feature id → privileges granted in this space. */
  features: Record<string, FeaturePrivilegeName[]>;
  /** API tags granted in this space (what routes' requiredPrivileges name). */
  api: Set<string>;
}

/** What a set of roles grants in one space, given the registered features. */
export function resolveSpacePrivileges(
  roleNames: readonly string[],
  roles: ReadonlyMap<string, RoleDefinition>,
  features: readonly KibanaFeature[],
  spaceId: string
): SpacePrivileges {
  const granted = new Map<string, Set<FeaturePrivilegeName>>();
  let superuser = false;
  const grant = (featureId: string, privilege: FeaturePrivilegeName) => {
    const set = granted.get(featureId) ?? new Set<FeaturePrivilegeName>();
    set.add(privilege);
    // `all` includes everything `read` allows.
    if (privilege === 'all') set.add('read');
    granted.set(featureId, set);
  };
  for (const name of roleNames) {
    const role = roles.get(name);
    if (!role) continue;
    if (role.superuser) superuser = true;
    for (const entry of role.kibana) {
      if (!entry.spaces.includes('*') && !entry.spaces.includes(spaceId)) continue;
      for (const base of entry.base) for (const feature of features) if (feature.privileges) grant(feature.id, base);
      for (const [featureId, privileges] of Object.entries(entry.feature)) for (const p of privileges) grant(featureId, p);
    }
  }
  if (superuser) for (const feature of features) if (feature.privileges) grant(feature.id, 'all');
  const api = new Set<string>();
  const byId = new Map(features.map((f) => [f.id, f]));
  for (const [featureId, privileges] of granted) {
    const feature = byId.get(featureId);
    if (!feature?.privileges) continue;
    for (const p of privileges) for (const tag of feature.privileges[p].api) api.add(tag);
  }
  const featuresOut: Record<string, FeaturePrivilegeName[]> = {};
  for (const [id, set] of [...granted].sort(([a], [b]) => a.localeCompare(b))) {
    if (byId.get(id)?.privileges) featuresOut[id] = (['all', 'read'] as const).filter((p) => set.has(p));
  }
  return { superuser, features: featuresOut, api };
}

/** The requirements not met, rendered as Kibana names them (`a`, or `a|b` for any-of). */
export function missingPrivileges(granted: SpacePrivileges, requirements: readonly PrivilegeRequirement[]): string[] {
  if (granted.superuser) return [];
  const missing: string[] = [];
  for (const requirement of requirements) {
    if (typeof requirement === 'string') {
      if (!granted.api.has(requirement)) missing.push(requirement);
      continue;
    }
    for (const tag of requirement.allRequired ?? []) if (!granted.api.has(tag)) missing.push(tag);
    const any = requirement.anyRequired ?? [];
    if (any.length > 0 && !any.some((tag) => granted.api.has(tag))) missing.push(any.join('|'));
  }
  return missing;
}

export const hasAnyPrivilege = (granted: SpacePrivileges) => granted.superuser || Object.keys(granted.features).length > 0;
