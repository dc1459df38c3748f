import type { Message } from '../../common/api/conversations';
import type { ChatMessage, ChatTool } from '../../platform/plugins/actions/server';
import { REQUIRED_KNOWLEDGE_HEADER, RETRIEVED_KNOWLEDGE_HEADER } from './prompts';
import { BUDGET_SHARES, estimateMessageTokens, estimateTokens, truncateToTokens, type TokenBudget } from './token_budget';

/** §8.1 prompt assembly: pure, so every rule of §8.6 is testable without an LLM. */

export interface KnowledgeItem {
  name: string;
  text: string;
}

export interface AssemblyInput {
  basePrompt: string;
  /** The conversation's system prompt (the user-selected part). */
  systemPrompt: string;
  /** Required entries, oldest first. */
  requiredKnowledge: readonly KnowledgeItem[];
  retrievedKnowledge: readonly KnowledgeItem[];
  /** Stored (tokenized) messages before the current user turn. */
  history: readonly Message[];
  /** Current `<context>` blocks, already serialized within their share. */
  contexts: readonly string[];
  /** The scrubbed user text ('' when only contexts were sent). */
  userText: string;
  tools: readonly ChatTool[];
  budget: TokenBudget;
}

export interface AssembledPrompt {
  system: string;
  messages: ChatMessage[];
  stats: {
    omittedHistory: number;
    droppedRequired: number;
    droppedRetrieved: number;
    systemPromptTruncated: boolean;
    estimatedTokens: number;
  };
}

export const MAX_REQUIRED_ENTRIES = 100;

export class UserTextTooLongError extends Error {
  constructor(
    readonly tokens: number,
    readonly limit: number,
  ) {
    super(`The message is too long for this model (about ${tokens} tokens; at most ${limit}). Shorten it or split it.`);
    this.name = 'UserTextTooLongError';
  }
}

/** The user turn as the model sees it: context blocks first, then the text. */
export function userTurnContent(contexts: readonly string[], text: string): string {
  return [...contexts, text].filter((part) => part !== '').join('\n\n');
}

/** How a stored message goes back into history; `withContexts:false` drops its older `<context>` blocks. */
export function historyContent(message: Message, withContexts: boolean): string {
  const contexts = withContexts ? (message.metadata?.contexts ?? []).map((c) => c.serialized) : [];
  return userTurnContent(contexts, message.content);
}

export function userTextLimit(budget: TokenBudget): number {
  return Math.floor(budget.input * BUDGET_SHARES.userText);
}

/** §8.6: user text over half the input budget is refused (400 `message_too_long`, the composer keeps it). */
export function checkUserText(text: string, budget: TokenBudget): void {
  const tokens = estimateTokens(text);
  const limit = userTextLimit(budget);
  if (tokens > limit) throw new UserTextTooLongError(tokens, limit);
}

function knowledgeSection(header: string, items: readonly KnowledgeItem[], allowance: number): { text: string; dropped: number } {
  const lines: string[] = [];
  let used = estimateTokens(header);
  let dropped = 0;
  items.forEach((item) => {
    const line = `${lines.length + 1}. ${item.name}: ${item.text}`;
    const cost = estimateTokens(line) + 1;
    if (used + cost > allowance) {
      dropped += 1;
      return;
    }
    used += cost;
    lines.push(line);
  });
  return { text: lines.length === 0 ? '' : `${header}\n${lines.join('\n')}`, dropped };
}

export function assemblePrompt(input: AssemblyInput): AssembledPrompt {
  const { budget } = input;
  checkUserText(input.userText, budget);

  // 1. System: base + the conversation's prompt; the user-selected part is cut beyond 30%.
  const systemCap = Math.floor(budget.input * BUDGET_SHARES.systemUserPart);
  const systemPrompt = truncateToTokens(input.systemPrompt, systemCap);
  const systemPromptTruncated = systemPrompt !== input.systemPrompt;

  // 2. Required knowledge (≤100, oldest first, ≤15%) and retrieved knowledge share the single system slot.
  const required = knowledgeSection(
    REQUIRED_KNOWLEDGE_HEADER,
    input.requiredKnowledge.slice(0, MAX_REQUIRED_ENTRIES),
    Math.floor(budget.input * BUDGET_SHARES.requiredKnowledge),
  );
  const retrieved = knowledgeSection(
    RETRIEVED_KNOWLEDGE_HEADER,
    input.retrievedKnowledge,
    Math.floor(budget.input * BUDGET_SHARES.retrievedKnowledge),
  );
  const system = [input.basePrompt, systemPrompt, required.text, retrieved.text].filter((s) => s !== '').join('\n\n');

  // 3. The current user turn and the tool definitions are always sent.
  const current = userTurnContent(input.contexts, input.userText);
  let used =
    estimateMessageTokens(system) +
    estimateMessageTokens(current) +
    (input.tools.length > 0 ? estimateTokens(JSON.stringify(input.tools)) : 0);

  // 4. History, newest first, whole messages; older <context> blocks only while they fit.
  const reserveForNote = 16;
  const kept: ChatMessage[] = [];
  const candidates = input.history.filter((m) => !m.isError && m.role !== 'system' && m.content !== '');
  let index = candidates.length - 1;
  for (; index >= 0; index -= 1) {
    const message = candidates[index];
    const full = historyContent(message, true);
    const bare = historyContent(message, false);
    const fullCost = estimateMessageTokens(full);
    const bareCost = estimateMessageTokens(bare);
    const left = budget.input - used - reserveForNote;
    let content: string;
    if (fullCost <= left) {
      content = full;
      used += fullCost;
    } else if (bareCost <= left && bare !== '') {
      content = bare;
      used += bareCost;
    } else {
      break;
    }
    kept.unshift(message.role === 'assistant' ? { role: 'assistant', content } : { role: 'user', content });
  }
  const omittedHistory = index + 1;
  const messages: ChatMessage[] = [];
  if (omittedHistory > 0) {
    const note = `[${omittedHistory} earlier message${omittedHistory === 1 ? '' : 's'} omitted]`;
    messages.push({ role: 'user', content: note });
    used += estimateMessageTokens(note);
  }
  messages.push(...kept, { role: 'user', content: current });
  return {
    system,
    messages,
    stats: {
      omittedHistory,
      droppedRequired: required.dropped + Math.max(0, input.requiredKnowledge.length - MAX_REQUIRED_ENTRIES),
      droppedRetrieved: retrieved.dropped,
      systemPromptTruncated,
      estimatedTokens: used,
    },
  };
}
