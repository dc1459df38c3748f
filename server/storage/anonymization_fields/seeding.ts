import { createHash } from 'node:crypto';
import type { FieldRule } from '../../../common/anonymization/types';

/** Version of the shipped default list; bump it whenever BALANCED_FIELD_RULES gains fields. */
export const DEFAULT_FIELDS_VERSION = 1;

/** A row's id is derived from its field, so concurrent seeding or creation of one field collides (409) instead of duplicating. */
export function anonymizationFieldId(field: string): string {
  const h = createHash('sha256').update(`anonymization-field:${field}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export interface SeedRow extends FieldRule {
  isDefault: true;
  pendingReview: boolean;
}

/**
 * What to insert for the space (assistant.md §4 Seeding): a space never seeded gets the whole default list as is;
 * a space seeded by an older release gets only defaults it has never seen, as `allowed:false, pending_review:true`
 * (upgrades never widen what is sent). Rows that exist — or that the user deleted after seeing them — are left alone.
 */
export function planSeeding(input: {
  defaults: readonly FieldRule[];
  /** Fields of the list the space was seeded with; undefined when never seeded. */
  seededFields: readonly string[] | undefined;
  existingFields: ReadonlySet<string>;
}): SeedRow[] {
  if (!input.seededFields) {
    return input.defaults.filter((r) => !input.existingFields.has(r.field)).map((r) => ({ ...r, isDefault: true, pendingReview: false }));
  }
  const seen = new Set(input.seededFields);
  return input.defaults
    .filter((r) => !seen.has(r.field) && !input.existingFields.has(r.field))
    .map((r) => ({ field: r.field, allowed: false, anonymized: r.anonymized, isDefault: true, pendingReview: true }));
}
