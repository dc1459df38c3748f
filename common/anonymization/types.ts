/** Shared anonymization types (§5.1). Pure data: usable by the server and the browser. */

export interface FieldRule {
  field: string;
  allowed: boolean;
  anonymized: boolean;
}

/** token (lowercase UUID v4) → original value, as the API carries it. */
export type Replacements = Record<string, string>;

/** How a conversation stores one replacement (§5.6 AN-6). */
export interface ReplacementEntry {
  uuid: string;
  value: string;
  field: string;
}

export type FieldDisposition = 'anonymized' | 'allowed' | 'denied' | 'unlisted';

/** A flattened document: dotted path → its values as strings (§5.1). */
export type FlatDocument = Record<string, string[]>;
