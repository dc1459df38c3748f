import { deanonymize, stripThinking, type Replacements } from '../../common/anonymization';
import type { ChatClient } from '../../platform/plugins/actions/server';
import { TITLE_SYSTEM_PROMPT } from './prompts';

/** §8.4 conversation titles: generated on the first turn, stored de-anonymized. */

export const MAX_TITLE_CHARS = 60;
export const TITLE_TIMEOUT_MS = 20_000;
export const DEFAULT_TITLE = 'New chat';

/** ≤60 chars, cut at a word boundary when there is one in the second half. */
export function clampTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_TITLE_CHARS) return flat;
  const cut = flat.slice(0, MAX_TITLE_CHARS + 1);
  const space = cut.lastIndexOf(' ');
  return (space >= MAX_TITLE_CHARS / 2 ? cut.slice(0, space) : flat.slice(0, MAX_TITLE_CHARS)).replace(/[\s,;:.-]+$/, '');
}

/** The model's answer → a display title: de-anonymized, no think block, quotes, markdown or label prefix. */
export function cleanTitle(raw: string, replacements: Replacements): string {
  const firstLine =
    stripThinking(raw)
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? '';
  const stripped = firstLine
    .replace(/^(title|conversation title)\s*:\s*/i, '')
    .replace(/^[#*_>\s-]+/, '')
    .replace(/[*_`]+/g, '')
    .replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '')
    .replace(/[.!?]+$/, '')
    .trim();
  return clampTitle(deanonymize(stripped, replacements));
}

/** Fallbacks: the user's text → the first context description → "New chat". */
export function fallbackTitle(userText: string, contextDescriptions: readonly string[]): string {
  const text = clampTitle(userText);
  if (text !== '') return text;
  const description = clampTitle(contextDescriptions.find((d) => d.trim() !== '') ?? '');
  return description !== '' ? description : DEFAULT_TITLE;
}

/** What the title model sees: the scrubbed text and the contexts' descriptions, never their data. */
export function titleRequestText(scrubbedUserText: string, contextDescriptions: readonly string[]): string {
  const parts = [scrubbedUserText.slice(0, 2_000)];
  if (contextDescriptions.length > 0) parts.push(`Attached: ${contextDescriptions.join('; ').slice(0, 500)}`);
  return parts.filter((p) => p.trim() !== '').join('\n');
}

export interface GenerateTitleOptions {
  client: ChatClient;
  model?: string;
  scrubbedUserText: string;
  /** De-anonymized originals for the fallback. */
  rawUserText: string;
  contextDescriptions: readonly string[];
  replacements: () => Replacements;
  signal: AbortSignal;
  timeoutMs?: number;
}

/** Never rejects: any failure falls back (G7: a failing connector must not leave "New chat"). */
export async function generateTitle(options: GenerateTitleOptions): Promise<string> {
  const fallback = () => fallbackTitle(options.rawUserText, options.contextDescriptions);
  const input = titleRequestText(options.scrubbedUserText, options.contextDescriptions);
  if (input === '') return fallback();
  try {
    const response = await options.client.chatComplete({
      system: TITLE_SYSTEM_PROMPT,
      messages: [{ role: 'user', content: input }],
      model: options.model,
      temperature: 0,
      maxTokens: 32,
      signal: options.signal,
      timeouts: { firstTokenMs: options.timeoutMs ?? TITLE_TIMEOUT_MS, totalMs: options.timeoutMs ?? TITLE_TIMEOUT_MS },
    });
    const title = cleanTitle(response.content, options.replacements());
    return title !== '' ? title : fallback();
  } catch {
    return fallback();
  }
}
