import { deanonymize, findTokens, truncateValue, type ReplacementEntry, type Replacements } from '../../common/anonymization';
import type { FinishReason } from '../../common/api/conversations';
import { LlmError, type ChatClient, type ChatMessage, type ChatResponse, type ChatToolCall, type ChatUsage } from '../../platform/plugins/actions/server';
import { ChatError } from './errors';
import { scrubberFor, type GuardState } from './outbound_guard';
import { FINAL_ANSWER_INSTRUCTION } from './prompts';
import { ToolError, type RegisteredTool, type ToolContext } from './tools';

/** §8.3: one LLM call per step, tools run between steps, bounded by `maxSteps`. */

export const MAX_PARALLEL_TOOL_CALLS = 4;
export const TOOL_TIMEOUT_MS = 30_000;
export const MAX_INVALID_CALLS_IN_A_ROW = 3;

export type LoopEvent =
  | { type: 'content'; payload: string }
  | { type: 'replacements'; replacements: Replacements }
  | { type: 'tool_call'; id: string; name: string; args: unknown }
  | { type: 'tool_result'; id: string; name: string; ok: boolean; summary: string };

export interface ToolCallRecord {
  id: string;
  name: string;
  args: unknown;
  ok: boolean;
  summary?: string;
}

/** What the loop produced so far; the caller reads it after an error or an abort (the partial answer). */
export interface LoopState {
  content: string;
  toolCalls: ToolCallRecord[];
  usage?: ChatUsage;
  steps: number;
}

export interface ToolLoopOptions {
  client: ChatClient;
  system: string;
  messages: ChatMessage[];
  tools: readonly RegisteredTool[];
  /** Tools are not offered (prompted/unsupported connectors answer without them). */
  toolsEnabled: boolean;
  toolContext: Omit<ToolContext, 'argumentValues'>;
  guard: GuardState;
  maxSteps: number;
  model?: string;
  maxTokens?: number;
  toolResultMaxChars: number;
  emit(event: LoopEvent): void;
  signal: AbortSignal;
  state: LoopState;
  toolTimeoutMs?: number;
  onToolError?(name: string, error: unknown): void;
}

export interface ToolLoopResult {
  finishReason: Extract<FinishReason, 'stop' | 'length' | 'max_steps'>;
}

function addUsage(a: ChatUsage | undefined, b: ChatUsage | undefined): ChatUsage | undefined {
  if (!b) return a;
  if (!a) return { ...b };
  return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens, totalTokens: a.totalTokens + b.totalTokens };
}

function deepDeanonymize(value: unknown, replacements: Replacements): unknown {
  if (typeof value === 'string') return deanonymize(value, replacements);
  if (Array.isArray(value)) return value.map((v) => deepDeanonymize(v, replacements));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepDeanonymize(v, replacements)]));
  }
  return value;
}

function parseArguments(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function withTimeout(signal: AbortSignal, ms: number): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  if (signal.aborted) controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new Error(`tool timed out after ${ms / 1000} s`)), ms);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    },
  };
}

interface ToolOutcome {
  call: ChatToolCall;
  content: string;
  ok: boolean;
  summary: string;
  valid: boolean;
}

async function runOneTool(call: ChatToolCall, options: ToolLoopOptions): Promise<ToolOutcome> {
  const { guard } = options;
  const tool = options.tools.find((t) => t.name === call.name);
  const fail = (message: string, valid: boolean): ToolOutcome => ({
    call,
    content: JSON.stringify({ error: message }),
    ok: false,
    summary: message,
    valid,
  });
  if (!tool) return fail(`unknown tool ${call.name}`, false);
  const parsedJson = parseArguments(call.arguments);
  if (!parsedJson.ok) return fail(`arguments of ${call.name} are not valid JSON`, false);
  // Tools run on originals (AN-5): tokens in the arguments are de-anonymized first.
  const replacements = guard.store.toReplacements();
  const argumentValues: ReplacementEntry[] = guard.store
    .entries()
    .filter((e) => findTokens(call.arguments).includes(e.uuid));
  const checked = tool.parse(deepDeanonymize(parsedJson.value, replacements));
  if (!checked.ok) return fail(checked.error, false);
  const timeout = withTimeout(options.signal, options.toolTimeoutMs ?? TOOL_TIMEOUT_MS);
  try {
    const output = await Promise.race([
      tool.run(checked.value, { ...options.toolContext, signal: timeout.signal, argumentValues }),
      new Promise<never>((_, reject) => {
        timeout.signal.addEventListener('abort', () => reject(timeout.signal.reason), { once: true });
      }),
    ]);
    return { call, content: output.content, ok: output.ok, summary: output.summary, valid: true };
  } catch (error) {
    if (options.signal.aborted) throw error;
    if (error instanceof ToolError) return fail(error.message, true);
    options.onToolError?.(call.name, error);
    return fail(`${call.name} failed: ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    timeout.dispose();
  }
}

/** Streams one model turn, forwarding content deltas; model turns are joined with a blank line. */
async function streamStep(options: ToolLoopOptions, messages: ChatMessage[], offerTools: boolean, final: boolean): Promise<ChatResponse> {
  const { state } = options;
  let startedTurn = false;
  let response: ChatResponse | undefined;
  const system = final ? `${options.system}\n\n${FINAL_ANSWER_INSTRUCTION}` : options.system;
  for await (const event of options.client.stream({
    system,
    messages,
    model: options.model,
    maxTokens: options.maxTokens,
    tools: offerTools ? options.tools.map((t) => t.definition) : undefined,
    signal: options.signal,
  })) {
    if (event.type === 'content') {
      if (event.delta === '') continue;
      let payload = event.delta;
      if (!startedTurn && state.content !== '') payload = `\n\n${payload}`;
      startedTurn = true;
      state.content += payload;
      options.emit({ type: 'content', payload });
    } else if (event.type === 'done') {
      response = event.response;
    }
  }
  if (!response) throw new ChatError(502, 'llm_bad_response', 'The language model stream ended without an answer.', true);
  return response;
}

export async function runToolLoop(options: ToolLoopOptions): Promise<ToolLoopResult> {
  const { state, guard } = options;
  const messages = [...options.messages];
  let invalidInRow = 0;
  for (let step = 0; ; step += 1) {
    const final = step >= options.maxSteps || invalidInRow >= MAX_INVALID_CALLS_IN_A_ROW;
    const offerTools = options.toolsEnabled && options.tools.length > 0 && !final;
    state.steps = step + 1;
    const response = await streamStep(options, messages, offerTools, final);
    state.usage = addUsage(state.usage, response.usage);
    if (response.finishReason === 'content_filter') {
      throw new LlmError(
        { id: options.client.connectorId, name: options.client.connectorName, actionTypeId: options.client.actionTypeId },
        'llm_content_filtered',
        'the answer was blocked by a content filter',
      );
    }
    if (final || response.toolCalls.length === 0 || !offerTools) {
      return { finishReason: final ? 'max_steps' : response.finishReason === 'length' ? 'length' : 'stop' };
    }

    messages.push({ role: 'assistant', content: response.content, toolCalls: response.toolCalls });
    const outcomes: ToolOutcome[] = [];
    for (let i = 0; i < response.toolCalls.length; i += MAX_PARALLEL_TOOL_CALLS) {
      const batch = response.toolCalls.slice(i, i + MAX_PARALLEL_TOOL_CALLS);
      for (const call of batch) {
        const parsed = parseArguments(call.arguments);
        options.emit({ type: 'tool_call', id: call.id, name: call.name, args: parsed.ok ? parsed.value : call.arguments });
      }
      const results = await Promise.all(
        batch.map(async (call) => {
          const outcome = await runOneTool(call, options);
          // Tokens issued by the tool go out before anything that may use them; then its result, scrubbed and capped.
          const fresh = guard.store.drainNew();
          if (Object.keys(fresh).length > 0) options.emit({ type: 'replacements', replacements: fresh });
          const scrub = scrubberFor(guard);
          outcome.content = truncateValue(scrub(outcome.content), options.toolResultMaxChars);
          outcome.summary = scrub(outcome.summary);
          options.emit({ type: 'tool_result', id: call.id, name: call.name, ok: outcome.ok, summary: outcome.summary });
          return outcome;
        }),
      );
      outcomes.push(...results);
    }
    for (const outcome of outcomes) {
      const parsed = parseArguments(outcome.call.arguments);
      state.toolCalls.push({
        id: outcome.call.id,
        name: outcome.call.name,
        args: parsed.ok ? parsed.value : outcome.call.arguments,
        ok: outcome.ok,
        summary: outcome.summary,
      });
      messages.push({ role: 'tool', toolCallId: outcome.call.id, name: outcome.call.name, content: outcome.content });
      invalidInRow = outcome.valid ? 0 : invalidInRow + 1;
    }
  }
}
