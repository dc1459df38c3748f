import { BALANCED_FIELD_RULES } from '../../../common/anonymization';
import { anonymizationFieldId, planSeeding } from './seeding';

describe('planSeeding', () => {
  const defaults = [
    { field: 'a', allowed: true, anonymized: false },
    { field: 'b', allowed: true, anonymized: true },
  ];

  it('seeds a never-seeded space with the defaults as they are (103 balanced rows), skipping existing fields', () => {
    expect(planSeeding({ defaults: BALANCED_FIELD_RULES, seededFields: undefined, existingFields: new Set() })).toHaveLength(103);
    expect(planSeeding({ defaults, seededFields: undefined, existingFields: new Set(['a']) })).toEqual([{ field: 'b', allowed: true, anonymized: true, isDefault: true, pendingReview: false }]);
  });

  it('adds only defaults the space has never seen, denied and pending review; deleted or existing rows stay as they are', () => {
    const later = [...defaults, { field: 'c', allowed: true, anonymized: false }, { field: 'd', allowed: true, anonymized: true }];
    expect(planSeeding({ defaults: later, seededFields: ['a', 'b'], existingFields: new Set(['b', 'd']) })).toEqual([
      { field: 'c', allowed: false, anonymized: false, isDefault: true, pendingReview: true },
    ]);
  });

  it('derives stable, distinct, UUID-shaped ids from fields', () => {
    expect(anonymizationFieldId('host.name')).toBe(anonymizationFieldId('host.name'));
    expect(anonymizationFieldId('host.name')).not.toBe(anonymizationFieldId('host.ip'));
    expect(anonymizationFieldId('host.name')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
