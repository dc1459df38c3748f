import { parse } from 'yaml';
import { isRecord } from './object_path';

/** One excluded group of tests: a file glob, an optional test-name glob, and why. */
export interface Exclusion {
  file: string;
  test?: string;
  reason: string;
}

export function globToRegex(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

export function parseExclusions(source: string): Exclusion[] {
  const parsed: unknown = parse(source);
  const list = isRecord(parsed) ? parsed.exclusions : parsed;
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) throw new Error('exclusions.yml must hold a list under `exclusions`');
  return list.map((entry, i) => {
    if (!isRecord(entry) || typeof entry.file !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim() === '') {
      throw new Error(`exclusion ${i + 1} needs a file glob and a reason`);
    }
    return { file: entry.file, test: typeof entry.test === 'string' ? entry.test : undefined, reason: entry.reason };
  });
}

/** The reason a test is excluded, or undefined. */
export function exclusionFor(exclusions: readonly Exclusion[], file: string, test: string): string | undefined {
  for (const e of exclusions) {
    if (!globToRegex(e.file).test(file)) continue;
    if (e.test !== undefined && !globToRegex(e.test).test(test)) continue;
    return e.reason;
  }
  return undefined;
}
