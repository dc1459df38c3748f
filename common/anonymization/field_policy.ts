import type { FieldDisposition, FieldRule } from './types';

/** The effective per-field rules: the space's rows with a message's `fieldOverrides` on top (§5.1). */
export interface FieldPolicy {
  disposition(field: string): FieldDisposition;
  rules(): FieldRule[];
}

export function createFieldPolicy(rules: readonly FieldRule[], overrides: readonly FieldRule[] = []): FieldPolicy {
  const byField = new Map<string, FieldRule>();
  for (const rule of [...rules, ...overrides]) byField.set(rule.field, { ...rule });
  return {
    disposition(field) {
      const rule = byField.get(field);
      if (!rule) return 'unlisted';
      if (!rule.allowed) return 'denied';
      return rule.anonymized ? 'anonymized' : 'allowed';
    },
    rules: () => [...byField.values()].map((r) => ({ ...r })),
  };
}

const RANK: Record<FieldDisposition, number> = { unlisted: 0, denied: 0, anonymized: 1, allowed: 2 };

/**
 * Overrides that send more than the space policy does (denied/unlisted → sent, anonymized → plain).
 * Loosening needs the Customize privilege (AN-T6); tightening is always allowed.
 */
export function findLooseningOverrides(rules: readonly FieldRule[], overrides: readonly FieldRule[]): FieldRule[] {
  const base = createFieldPolicy(rules);
  return overrides.filter((o) => {
    const after = createFieldPolicy([o]).disposition(o.field);
    return RANK[after] > RANK[base.disposition(o.field)];
  });
}
