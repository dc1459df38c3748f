import { isToken, randomToken, valueKey, type TokenGenerator } from './tokens';
import type { ReplacementEntry, Replacements } from './types';

export const MAX_REPLACEMENT_VALUE_LENGTH = 10_000;
export const MAX_REPLACEMENTS = 10_000;

/**
 * A conversation's token map (§5.3). One token per value (NFC, case-insensitive); the first-seen casing is kept.
 */
export interface ReplacementsStore {
  /** The token of `value`, issuing one when the value is new. */
  tokenFor(value: string, field: string): string;
  /** The existing token of `value`, if any. */
  findToken(value: string): string | undefined;
  originalOf(token: string): string | undefined;
  /** All originals (for scrubbing free text against everything the conversation has seen). */
  originals(): string[];
  toReplacements(): Replacements;
  entries(): ReplacementEntry[];
  /** Entries issued since the last call (the NDJSON `replacements` event). */
  drainNew(): Replacements;
  /**
   * Merges tokens supplied by a client or loaded from storage after a format check (AN-2). Returns the rejected
   * tokens. A value already mapped keeps its token for new text; the extra token stays resolvable as an alias.
   */
  merge(supplied: Replacements | readonly ReplacementEntry[], field?: string): string[];
  size(): number;
}

export interface ReplacementsStoreOptions {
  generateToken?: TokenGenerator;
  maxEntries?: number;
}

export function createReplacementsStore(
  initial: Replacements | readonly ReplacementEntry[] = {},
  options: ReplacementsStoreOptions = {},
): ReplacementsStore {
  const generate = options.generateToken ?? randomToken;
  const maxEntries = options.maxEntries ?? MAX_REPLACEMENTS;
  const byToken = new Map<string, ReplacementEntry>();
  const byKey = new Map<string, string>();
  let fresh: Replacements = {};

  const insert = (token: string, value: string, field: string) => {
    byToken.set(token, { uuid: token, value, field });
    if (!byKey.has(valueKey(value))) byKey.set(valueKey(value), token);
  };

  const store: ReplacementsStore = {
    tokenFor(value, field) {
      const existing = byKey.get(valueKey(value));
      if (existing) return existing;
      if (byToken.size >= maxEntries) {
        throw new Error(`This conversation reached the limit of ${maxEntries} anonymized values; continue in a new chat`);
      }
      let token = generate().toLowerCase();
      while (byToken.has(token)) token = generate().toLowerCase();
      if (!isToken(token)) throw new Error(`Token generator returned ${token}, which is not a UUID v4`);
      insert(token, value, field);
      fresh[token] = value;
      return token;
    },
    findToken: (value) => byKey.get(valueKey(value)),
    originalOf: (token) => byToken.get(token.toLowerCase())?.value,
    originals: () => [...byToken.values()].map((e) => e.value),
    toReplacements: () => Object.fromEntries([...byToken.values()].map((e) => [e.uuid, e.value])),
    entries: () => [...byToken.values()].map((e) => ({ ...e })),
    drainNew() {
      const out = fresh;
      fresh = {};
      return out;
    },
    merge(supplied, field = 'unknown') {
      const rejected: string[] = [];
      const list: ReplacementEntry[] = Array.isArray(supplied)
        ? (supplied as readonly ReplacementEntry[]).map((e) => ({ ...e }))
        : Object.entries(supplied as Replacements).map(([uuid, value]) => ({ uuid, value, field }));
      for (const entry of list) {
        const token = entry.uuid.toLowerCase();
        const valid =
          isToken(token) &&
          typeof entry.value === 'string' &&
          entry.value.length > 0 &&
          entry.value.length <= MAX_REPLACEMENT_VALUE_LENGTH;
        if (!valid) {
          rejected.push(entry.uuid);
          continue;
        }
        const known = byToken.get(token);
        if (known) {
          if (valueKey(known.value) !== valueKey(entry.value)) rejected.push(entry.uuid);
          continue;
        }
        if (byToken.size >= maxEntries) {
          rejected.push(entry.uuid);
          continue;
        }
        insert(token, entry.value, entry.field);
      }
      return rejected;
    },
    size: () => byToken.size,
  };
  const rejected = store.merge(initial);
  if (rejected.length > 0) {
    // Stored maps are validated on write, so this is corruption: fail loudly rather than leak or mis-display.
    throw new Error(`Stored replacements hold invalid tokens: ${rejected.slice(0, 5).join(', ')}`);
  }
  return store;
}
