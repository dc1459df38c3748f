import { isRecord } from './object_path';

/** The version the embedded engine presents (spec D1). */
export const CLUSTER_VERSION = '9.0.0';

export type Version = [number, number, number];

export function parseVersion(text: string, missing: number): Version {
  const cleaned = text.trim().replace(/-SNAPSHOT$/i, '');
  if (cleaned === '') return [missing, missing, missing];
  const parts = cleaned.split('.').map((p) => (p === 'x' || p === '' ? missing : Number(p)));
  if (parts.some((p) => Number.isNaN(p))) throw new Error(`invalid version [${text}]`);
  while (parts.length < 3) parts.push(missing);
  return [parts[0], parts[1], parts[2]];
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** `" - 6.99.99"`, `"7.0.0 - 7.9.99, 8.1.0 - "`, `"all"`: whether the version falls in any range. */
export function versionInRanges(ranges: string, version: string = CLUSTER_VERSION): boolean {
  const v = parseVersion(version, 0);
  for (const range of ranges.split(',')) {
    const trimmed = range.trim();
    if (trimmed === '') continue;
    if (trimmed.toLowerCase() === 'all') return true;
    const dash = trimmed.indexOf(' - ') >= 0 ? trimmed.indexOf(' - ') : trimmed.indexOf('-');
    const lowText = dash >= 0 ? trimmed.slice(0, dash) : trimmed;
    const highText = dash >= 0 ? trimmed.slice(dash + (trimmed.indexOf(' - ') >= 0 ? 3 : 1)) : trimmed;
    const low = parseVersion(lowText, 0);
    const high = parseVersion(highText, Number.MAX_SAFE_INTEGER);
    if (compareVersions(v, low) >= 0 && compareVersions(v, high) <= 0) return true;
  }
  return false;
}

/** Named historical features and the version that introduced them (cluster_features.txt). */
export type KnownClusterFeatures = ReadonlyMap<string, string>;

export function parseClusterFeatures(source: string): Map<string, string> {
  const known = new Map<string, string>();
  for (const raw of source.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const [name, since] = line.split(/\s+/);
    if (since === undefined) throw new Error(`cluster feature [${name}] needs the version that introduced it`);
    parseVersion(since, 0);
    known.set(name, since);
  }
  return known;
}

/**
 * Whether the cluster has a feature: `gte_vX.Y.Z` when X.Y.Z <= the cluster version, a known named
 * feature when it was introduced by then; undefined when the name is unknown.
 */
export function clusterHasFeature(feature: string, known: KnownClusterFeatures = new Map(), version: string = CLUSTER_VERSION): boolean | undefined {
  const m = /^gte_v(\d+(?:\.\d+){0,2})$/.exec(feature);
  const since = m !== null ? m[1] : known.get(feature);
  if (since === undefined) return undefined;
  return compareVersions(parseVersion(since, 0), parseVersion(version, 0)) <= 0;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Why a test must be skipped according to one `skip:` or `requires:` section, or undefined to run it. */
export function skipReason(
  kind: 'skip' | 'requires',
  section: unknown,
  runnerFeatures: ReadonlySet<string>,
  clusterFeatures: KnownClusterFeatures = new Map(),
): string | undefined {
  if (!isRecord(section)) return undefined;
  const reason = typeof section.reason === 'string' ? section.reason : '';
  const features = [...asList(section.features), ...asList(section.test_runner_features)];
  const missingFeature = features.find((f) => !runnerFeatures.has(f));
  if (missingFeature !== undefined) return `runner feature [${missingFeature}] not supported`;
  if (section.capabilities !== undefined) return 'capabilities checks are not supported';
  if (kind === 'skip') {
    if (typeof section.version === 'string' && versionInRanges(section.version)) return `version ${CLUSTER_VERSION} in skip range [${section.version}]: ${reason}`;
    for (const feature of asList(section.cluster_features)) {
      if (clusterHasFeature(feature, clusterFeatures) === true) return `cluster has feature [${feature}]: ${reason}`;
    }
    if (section.awaits_fix !== undefined) return `awaits fix: ${String(section.awaits_fix)}`;
    if (section.known_issues !== undefined) return `known issues: ${reason}`;
    return undefined;
  }
  for (const feature of asList(section.cluster_features)) {
    const has = clusterHasFeature(feature, clusterFeatures);
    if (has === undefined) return `cluster feature [${feature}] is not known to the embedded engine`;
    if (!has) return `cluster feature [${feature}] is newer than ${CLUSTER_VERSION}`;
  }
  return undefined;
}
