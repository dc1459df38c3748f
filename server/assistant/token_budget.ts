import { truncateValue } from '../../common/anonymization';

/** §8.6 token budget: a cheap, provider-independent estimate and the shares of the input budget. */

export const DEFAULT_CONTEXT_WINDOW = 8_192;
const MAX_OUTPUT_RESERVE = 4_096;
const MARGIN = 1.1;
const PER_MESSAGE_OVERHEAD = 4;

/** Share caps of the input budget (§8.6). */
export const BUDGET_SHARES = {
  systemUserPart: 0.3,
  userText: 0.5,
  requiredKnowledge: 0.15,
  retrievedKnowledge: 0.1,
  contexts: 0.4,
  /** Of the whole window, per tool result. */
  toolResult: 0.25,
} as const;

/** Longest prefix wins. Windows as the providers document them. */
const MODEL_WINDOWS: ReadonlyArray<[string, number]> = [
  ['gpt-4.1', 1_047_576],
  ['gpt-4o', 128_000],
  ['gpt-4-turbo', 128_000],
  ['gpt-4-32k', 32_768],
  ['gpt-4', 8_192],
  ['gpt-3.5-turbo', 16_385],
  ['gpt-5', 400_000],
  ['o1', 200_000],
  ['o3', 200_000],
  ['o4', 200_000],
  ['claude', 200_000],
  ['anthropic.claude', 200_000],
  ['gemini-1.5', 1_048_576],
  ['gemini-2', 1_048_576],
];

const utf8 = new TextEncoder();

/** Bytes/4, rounded up: over-estimates for ASCII prose, close for code and JSON, safe for CJK. */
export function estimateTokens(text: string): number {
  return Math.ceil(utf8.encode(text).length / 4);
}

export function estimateMessageTokens(content: string): number {
  return estimateTokens(content) + PER_MESSAGE_OVERHEAD;
}

/** Characters that fit a token allowance (inverse of the estimate for ASCII; conservative otherwise). */
export function tokensToChars(tokens: number): number {
  return Math.max(0, Math.floor(tokens * 4));
}

export function contextWindowFor(connector: { contextWindowTokens?: number }, model: string | undefined): number {
  if (connector.contextWindowTokens && connector.contextWindowTokens > 0) return connector.contextWindowTokens;
  if (model) {
    const lower = model.toLowerCase();
    let best: [string, number] | undefined;
    for (const entry of MODEL_WINDOWS) {
      if (lower.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
    }
    if (best) return best[1];
  }
  return DEFAULT_CONTEXT_WINDOW;
}

export interface TokenBudget {
  window: number;
  outputReserve: number;
  /** What the assembled request may use, margin included. */
  input: number;
}

/** `scale` < 1 shrinks the input budget (the ×0.7 retry after a context-length error). */
export function computeBudget(window: number, scale = 1): TokenBudget {
  const outputReserve = Math.min(MAX_OUTPUT_RESERVE, Math.floor(window * 0.25));
  const input = Math.floor(((window - outputReserve) / MARGIN) * scale);
  return { window, outputReserve, input };
}

/** Per-context allowance: 40% of the input budget split equally. */
export function contextShareTokens(budget: TokenBudget, contextCount: number): number {
  return contextCount === 0 ? 0 : Math.floor((budget.input * BUDGET_SHARES.contexts) / contextCount);
}

export function toolResultMaxChars(budget: TokenBudget): number {
  return tokensToChars(Math.floor(budget.window * BUDGET_SHARES.toolResult));
}

/** Cuts text to a token allowance, never inside an anonymization token, marking the cut `…[+N chars]`. */
export function truncateToTokens(text: string, tokens: number): string {
  if (estimateTokens(text) <= tokens) return text;
  let max = tokensToChars(tokens);
  // Multi-byte text: shrink until the estimate fits.
  while (max > 0 && estimateTokens(text.slice(0, max)) > tokens) max = Math.floor(max * 0.9);
  return truncateValue(text, Math.max(0, max - 20));
}
