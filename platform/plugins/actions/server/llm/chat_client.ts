import { classifyProviderError } from './classify_error';
import { LlmError, type ConnectorRef } from './errors';
import { extractJson, jsonInstruction } from './json_output';
import { DEFAULT_RETRY, retryDelay, type RetryOptions } from './retry_policy';
import type {
  ChatClient,
  ChatRequest,
  ChatResponse,
  ChatStreamEvent,
  ChatTimeouts,
  ChatToolCall,
  ProviderAdapter,
  ProviderRequest,
  ProviderStreamEvent,
} from './types';

/** assistant.md §0 `chat.timeouts`. */
export const DEFAULT_TIMEOUTS: Required<ChatTimeouts> = {
  connectMs: 10_000,
  firstTokenMs: 120_000,
  idleMs: 60_000,
  totalMs: 600_000,
};

export interface ChatClientOptions {
  connector: ConnectorRef;
  adapter: ProviderAdapter;
  defaultModel?: string;
  /** Secret values to strip from every error text. */
  secrets?: readonly string[];
  retry?: Partial<RetryOptions>;
  timeouts?: ChatTimeouts;
  /** Injected for tests; must reject when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

type Phase = keyof ChatTimeouts;

const PHASE_TEXT: Record<Phase, string> = {
  connectMs: 'the provider did not answer',
  firstTokenMs: 'no first token',
  idleMs: 'the stream stalled (no data)',
  totalMs: 'the request did not finish',
};

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** One controller per call: caller cancellation, the total deadline and per-phase timers all abort it. */
class CallGuard {
  readonly controller = new AbortController();
  timedOut: { phase: Phase; ms: number } | undefined;
  private timers = new Map<Phase, ReturnType<typeof setTimeout>>();
  private readonly onCallerAbort = () => this.controller.abort(new Error('aborted by caller'));

  constructor(
    private readonly caller: AbortSignal | undefined,
    private readonly timeouts: Required<ChatTimeouts>,
  ) {
    if (caller?.aborted) this.controller.abort(new Error('aborted by caller'));
    caller?.addEventListener('abort', this.onCallerAbort, { once: true });
    this.arm('totalMs');
  }

  get callerAborted(): boolean {
    return this.caller?.aborted === true;
  }

  arm(phase: Phase, ms = this.timeouts[phase]): void {
    this.clear(phase);
    this.timers.set(
      phase,
      setTimeout(() => {
        this.timedOut ??= { phase, ms };
        this.controller.abort(new Error(`timeout: ${phase}`));
      }, ms),
    );
  }

  clear(phase: Phase): void {
    const timer = this.timers.get(phase);
    if (timer) clearTimeout(timer);
    this.timers.delete(phase);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

/** Per-attempt controller, aborted with the call or on its own (a phase timeout of this attempt). */
function attemptController(call: AbortSignal): { signal: AbortSignal; abort(): void; release(): void } {
  const controller = new AbortController();
  const forward = () => controller.abort(call.reason);
  if (call.aborted) controller.abort(call.reason);
  call.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    abort: () => controller.abort(new Error('attempt cancelled')),
    release: () => call.removeEventListener('abort', forward),
  };
}

const THINK = /<think>[\s\S]*?(<\/think>|$)/g;

/**
 * The shared chat client: model resolution, JSON-schema output (native or prompted), timeouts, cancellation
 * and §8.5 retries, on top of a provider adapter.
 */
export function createChatClient(options: ChatClientOptions): ChatClient {
  const { connector, adapter } = options;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const secrets = options.secrets ?? [];
  const sleep = options.sleep ?? abortableSleep;
  // Once a provider rejects response_format, later calls go straight to the prompted form.
  let nativeJson = adapter.nativeJsonSchema;

  const timeoutsFor = (request: ChatRequest): Required<ChatTimeouts> => ({
    ...DEFAULT_TIMEOUTS,
    ...options.timeouts,
    ...request.timeouts,
  });

  const toError = (err: unknown, guard: CallGuard): LlmError => {
    if (guard.timedOut) {
      const { phase, ms } = guard.timedOut;
      return new LlmError(connector, 'llm_timeout', `${PHASE_TEXT[phase]} within ${ms / 1000} s`, { cause: err });
    }
    if (guard.callerAborted) return new LlmError(connector, 'llm_aborted', 'the request was cancelled', { cause: err });
    return classifyProviderError(err, connector, secrets);
  };

  const providerRequest = (request: ChatRequest, native: boolean): ProviderRequest => {
    const model = request.model ?? options.defaultModel;
    if (!model) {
      throw new LlmError(connector, 'llm_bad_request', 'no model: set a default model on the connector or pass one');
    }
    const { signal: _signal, timeouts: _timeouts, model: _model, jsonSchema, ...rest } = request;
    if (!jsonSchema) return { ...rest, model };
    if (native) return { ...rest, model, jsonSchema };
    const instruction = jsonInstruction(jsonSchema);
    return { ...rest, model, system: rest.system ? `${rest.system}\n\n${instruction}` : instruction };
  };

  const withStructured = (request: ChatRequest, response: ChatResponse): ChatResponse => {
    if (!request.jsonSchema || response.toolCalls.length > 0) return response;
    const parsed = extractJson(response.content.replace(THINK, ''));
    if (!parsed) {
      throw new LlmError(connector, 'llm_bad_response', 'the model did not answer with JSON', { raw: response.content });
    }
    return { ...response, structured: parsed.value };
  };

  const rejectedNativeJson = (error: LlmError, native: boolean, request: ChatRequest) =>
    native &&
    request.jsonSchema !== undefined &&
    (error.code === 'llm_bad_request' || error.code === 'llm_tools_unsupported') &&
    /response_format|json_schema|structured/i.test(error.providerMessage ?? '');

  /** Runs attempts until one succeeds or the §8.5 policy gives up. `attempt` may yield; `state.yielded` stops retries. */
  async function* withRetries<T>(
    request: ChatRequest,
    guard: CallGuard,
    attempt: (native: boolean, signal: AbortSignal, state: { yielded: boolean }) => AsyncGenerator<ChatStreamEvent, T>,
  ): AsyncGenerator<ChatStreamEvent, T> {
    let failures = 0;
    for (;;) {
      const native = nativeJson;
      const state = { yielded: false };
      const ctl = attemptController(guard.controller.signal);
      try {
        return yield* attempt(native, ctl.signal, state);
      } catch (err) {
        const error = toError(err, guard);
        if (state.yielded || error.code === 'llm_timeout' || error.code === 'llm_aborted') throw error;
        if (rejectedNativeJson(error, native, request)) {
          nativeJson = false;
          continue;
        }
        const delay = retryDelay(error, failures, retry);
        if (delay === undefined) throw error;
        failures += 1;
        try {
          await sleep(delay, guard.controller.signal);
        } catch (sleepErr) {
          throw toError(sleepErr, guard);
        }
      } finally {
        ctl.abort();
        ctl.release();
      }
    }
  }

  return {
    connectorId: connector.id,
    connectorName: connector.name,
    actionTypeId: connector.actionTypeId,
    defaultModel: options.defaultModel,

    async chatComplete(request) {
      const timeouts = timeoutsFor(request);
      const guard = new CallGuard(request.signal, timeouts);
      try {
        const run = withRetries<ChatResponse>(request, guard, async function* (native, signal) {
          // A non-streaming answer arrives whole: the first-token budget covers it.
          guard.arm('firstTokenMs');
          try {
            return withStructured(request, await adapter.complete(providerRequest(request, native), signal));
          } finally {
            guard.clear('firstTokenMs');
          }
        });
        for (;;) {
          const step = await run.next();
          if (step.done) return step.value;
        }
      } finally {
        guard.dispose();
      }
    },

    async *stream(request) {
      const timeouts = timeoutsFor(request);
      const guard = new CallGuard(request.signal, timeouts);
      try {
        const response = yield* withRetries<ChatResponse>(request, guard, async function* (native, signal, state) {
          let content = '';
          const calls = new Map<number, ChatToolCall>();
          let finish: Extract<ProviderStreamEvent, { type: 'finish' }> | undefined;
          guard.arm('connectMs');
          try {
            for await (const event of adapter.stream(providerRequest(request, native), signal)) {
              if (event.type === 'open') {
                guard.clear('connectMs');
                guard.arm('firstTokenMs');
                continue;
              }
              if (event.type === 'finish') {
                finish = event;
                continue;
              }
              guard.clear('connectMs');
              guard.clear('firstTokenMs');
              guard.arm('idleMs');
              if (event.type === 'content') {
                content += event.delta;
              } else {
                const call = calls.get(event.index) ?? { id: '', name: '', arguments: '' };
                if (event.id) call.id = event.id;
                if (event.name) call.name = event.name;
                call.arguments += event.argumentsDelta;
                calls.set(event.index, call);
              }
              state.yielded = true;
              yield event;
            }
          } finally {
            guard.clear('connectMs');
            guard.clear('firstTokenMs');
            guard.clear('idleMs');
          }
          if (!finish) throw new LlmError(connector, 'llm_bad_response', 'the stream ended without a finish reason');
          const toolCalls = [...calls.entries()]
            .sort(([a], [b]) => a - b)
            .map(([index, c]) => ({ ...c, id: c.id || `call_${index}` }));
          return withStructured(request, {
            content,
            toolCalls,
            finishReason: finish.finishReason,
            usage: finish.usage,
            model: finish.model,
          });
        });
        yield { type: 'done', response };
      } finally {
        guard.dispose();
      }
    },
  };
}
