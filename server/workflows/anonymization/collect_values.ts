import { createFieldPolicy, flattenDocument, type FieldRule } from '../../../common/anonymization';

/** What a request must not carry as is: values to tokenize (with their field) and values never to send. */
export interface SensitiveValues {
  anonymized: Array<{ value: string; field: string }>;
  denied: string[];
}

/**
 * Every value of a field the space policy anonymizes or denies, over all documents. Nested (`{host:{name}}`) and
 * flat dotted (`{'host.name'}`) forms and arrays give the same paths (flattenDocument). Values keep first-seen order
 * and appear once; a value seen in a denied field is only denied.
 */
export function collectSensitiveValues(documents: readonly unknown[], rules: readonly FieldRule[]): SensitiveValues {
  const policy = createFieldPolicy(rules);
  const anonymized = new Map<string, { value: string; field: string }>();
  const denied = new Set<string>();
  for (const document of documents) {
    for (const [field, values] of Object.entries(flattenDocument(document))) {
      const disposition = policy.disposition(field);
      if (disposition === 'denied') for (const value of values) denied.add(value);
      if (disposition === 'anonymized') for (const value of values) if (!anonymized.has(value)) anonymized.set(value, { value, field });
    }
  }
  return { anonymized: [...anonymized.values()].filter((entry) => !denied.has(entry.value)), denied: [...denied] };
}

/** True when the policy protects at least one field (otherwise no request needs a guard). */
export const policyProtectsAnything = (rules: readonly FieldRule[]): boolean => rules.some((rule) => !rule.allowed || rule.anonymized);
