import { stringLeaves } from '../../../../common/workflows';

/** Field → distinct values, in discovery order. */
export type EntityMap = Map<string, string[]>;

/**
 * The string values of each entity field of an alert: trimmed, never truncated, ignored values dropped (exact,
 * case-sensitive, same field). Ignoring happens only here, so an alert carrying an ignored value can still be
 * found through its other entities.
 */
export function extractEntities(
  source: unknown,
  fields: readonly string[],
  ignore: ReadonlyMap<string, ReadonlySet<string>>,
): EntityMap {
  const entities: EntityMap = new Map();
  for (const field of fields) {
    const ignored = ignore.get(field);
    const kept = [...new Set(stringLeaves(source, field))].filter((value) => !ignored?.has(value));
    if (kept.length > 0) entities.set(field, kept);
  }
  return entities;
}

export const hasEntities = (entities: EntityMap): boolean => entities.size > 0;

/** Values known per field, capped at `max_entities_per_field`. */
export type KnownEntities = Map<string, Set<string>>;

/** Adds unseen values up to the per-field cap and returns only the newly added ones. */
export function mergeEntities(known: KnownEntities, added: EntityMap, maxPerField: number): EntityMap {
  const fresh: EntityMap = new Map();
  for (const [field, values] of added) {
    const set = known.get(field) ?? new Set<string>();
    known.set(field, set);
    for (const value of values) {
      if (set.size >= maxPerField) break;
      if (set.has(value)) continue;
      set.add(value);
      const list = fresh.get(field) ?? [];
      list.push(value);
      fresh.set(field, list);
    }
  }
  return fresh;
}

/** Appends values to an entity map without duplicates. */
export function addToEntityMap(target: EntityMap, added: EntityMap): void {
  for (const [field, values] of added) {
    const list = target.get(field);
    if (list === undefined) {
      target.set(field, [...values]);
      continue;
    }
    for (const value of values) if (!list.includes(value)) list.push(value);
  }
}

export function knownAsEntityMap(known: KnownEntities): EntityMap {
  const map: EntityMap = new Map();
  for (const [field, set] of known) if (set.size > 0) map.set(field, [...set]);
  return map;
}

/** `owners[field + "\0" + value]`: the alerts carrying a value, for scoring new alerts against earlier ones. */
export class OwnerIndex {
  private readonly byKey = new Map<string, Set<string>>();

  add(alertId: string, entities: EntityMap): void {
    for (const [field, values] of entities) {
      for (const value of values) {
        const key = `${field}\u0000${value}`;
        const owners = this.byKey.get(key) ?? new Set<string>();
        owners.add(alertId);
        this.byKey.set(key, owners);
      }
    }
  }

  owners(field: string, value: string): ReadonlySet<string> | undefined {
    return this.byKey.get(`${field}\u0000${value}`);
  }
}
