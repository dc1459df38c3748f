/**
 * A deep copy of a plain-JSON record whose top-level values are copied on first access. `getContext()` hands each
 * handler its own copy of the whole step context, but handlers read one or two parts of it (`workflow.spaceId`,
 * `execution.executedBy`); copying `steps` and `event` for them was a measurable share of a triage run. Reads,
 * writes, deletes, enumeration, `JSON.stringify` and `structuredClone` behave as on a full deep copy, and nothing
 * done to the copy reaches the source.
 */
export function lazyDeepCopy<T extends Record<string, unknown>>(source: T): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    Object.defineProperty(copy, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value: unknown = structuredClone(source[key]);
        Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
        return value;
      },
      set(value: unknown) {
        Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  return copy as T;
}
