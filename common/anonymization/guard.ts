import type { ReplacementsStore } from './replacements_store';
import { createScrubber, type Scrubber } from './scrub';

export interface GuardableMessage {
  content: string;
  toolCalls?: ReadonlyArray<{ arguments: string }>;
}

export interface GuardOptions {
  store: ReplacementsStore;
  /** This turn's D (denied values of every context): never sent. */
  denied?: readonly string[];
  minFreeTextLength?: number;
}

/** The scrubber the guard uses: every original in the conversation's map → its token, denied → [REDACTED]. */
export function createConversationScrubber(options: GuardOptions): Scrubber {
  const entries = options.store.entries();
  return createScrubber({
    anonymized: options.store.originals().map((value) => ({ value, token: options.store.findToken(value) ?? value })),
    denied: options.denied,
    knownTokens: entries.map((e) => e.uuid),
    minFreeTextLength: options.minFreeTextLength,
  });
}

/**
 * Scrubs a JSON text by its string leaves (keys included), so escapes such as `\t` or `\n` in front of a value
 * cannot hide it from whole-token matching. Text that is not JSON is scrubbed as it is.
 */
export function scrubJsonText(text: string, scrub: Scrubber): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return scrub(text);
  }
  return JSON.stringify(scrubJsonValue(parsed, scrub));
}

/** Deep-scrubs every string (and key) of a JSON-like value, e.g. a tool result before it is serialised. */
export function scrubJsonValue(value: unknown, scrub: Scrubber): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((v) => scrubJsonValue(v, scrub));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k), scrubJsonValue(v, scrub)]));
  }
  return value;
}

/**
 * AN-5: the last step before any LLM request (chat, tool and title turns). Scrubs all text, including
 * tool-call arguments echoed back in history, against the conversation's originals and this turn's D.
 */
export function guardOutbound<M extends GuardableMessage>(messages: readonly M[], options: GuardOptions): M[] {
  const scrub = createConversationScrubber(options);
  return messages.map((message) => {
    const guarded: M = { ...message, content: scrub(message.content) };
    if (message.toolCalls) {
      guarded.toolCalls = message.toolCalls.map((call) => ({ ...call, arguments: scrubJsonText(call.arguments, scrub) }));
    }
    return guarded;
  });
}
