import type { Replacements } from './types';

/** A token in text: UUID v4 shape with no letter/digit glued to either side. */
export const TOKEN_IN_TEXT = /(?<![\p{L}\p{N}])[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}(?![\p{L}\p{N}])/giu;

export function lookupToken(replacements: Replacements, token: string): string | undefined {
  const lower = token.toLowerCase();
  return Object.prototype.hasOwnProperty.call(replacements, lower) ? replacements[lower] : undefined;
}

/** §5.7: whole tokens found in the map become their originals; unknown tokens stay. */
export function deanonymize(text: string, replacements: Replacements): string {
  return text.replace(TOKEN_IN_TEXT, (token) => lookupToken(replacements, token) ?? token);
}

/** Distinct tokens present in the text (known or not). */
export function findTokens(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN_IN_TEXT)].map((m) => m[0].toLowerCase()))];
}

const THINK_BLOCK = /<think>[\s\S]*?(<\/think>\s*|$)/g;

/** Drops `<think>…</think>` reasoning blocks of local models (an unclosed block runs to the end). */
export function stripThinking(text: string): string {
  return text.replace(THINK_BLOCK, '');
}
