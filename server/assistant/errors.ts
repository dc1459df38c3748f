import type { ChatErrorCode } from '../../common/api/chat';
import { ActionsError, LlmError, redactSecrets } from '../../platform/plugins/actions/server';

/** Chat failures as values (§8.5): an HTTP status for answers before the stream, a code and a message users can act on. */
export class ChatError extends Error {
  constructor(
    readonly status: number,
    readonly code: ChatErrorCode,
    message: string,
    readonly retryable = false,
    readonly details?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

const LLM_MESSAGES: Partial<Record<LlmError['code'], string>> = {
  llm_rate_limited: 'The language model is rate limited. Try again in a moment.',
  llm_unavailable: 'The language model is unavailable right now. Try again in a moment.',
  llm_bad_response: 'The language model sent an invalid response.',
  llm_auth_failed: 'The language model rejected the connector credentials. Check the connector API key.',
  llm_context_length_exceeded: 'The conversation is too long for this model. Start a new chat or remove contexts.',
  llm_content_filtered: "The provider's content filter blocked the answer.",
  llm_timeout: 'The language model took too long to answer.',
  llm_tools_unsupported: 'The language model does not support tool calls.',
  llm_bad_request: 'The language model rejected the request.',
  llm_not_supported: 'This connector type cannot be used for chat.',
};

/** Provider detail appended to the readable text; secrets stripped again for safety. */
function detailOf(error: LlmError): string {
  const said = error.providerMessage ? redactSecrets(error.providerMessage) : '';
  return said ? ` (${error.connectorName}: ${said.slice(0, 300)})` : ` (${error.connectorName})`;
}

/** An LLM failure → the `error` event's code/message/retryable and the stream:false HTTP status. */
export function chatErrorFromLlm(error: LlmError): ChatError {
  const code: ChatErrorCode = error.code === 'llm_aborted' ? 'llm_timeout' : error.code;
  const status = error.code === 'llm_rate_limited' ? 429 : error.code === 'llm_timeout' ? 504 : 502;
  return new ChatError(status, code, `${LLM_MESSAGES[error.code] ?? 'The language model failed.'}${detailOf(error)}`, error.retryable);
}

export function chatErrorFromActions(error: ActionsError): ChatError {
  const code: ChatErrorCode = error.code === 'connector_missing_secrets' ? 'connector_missing_secrets' : 'connector_not_found';
  return new ChatError(error.statusCode, error.statusCode === 404 ? 'connector_not_found' : code, error.message);
}

/** Anything thrown during a chat → a ChatError; unknown errors become a generic 500 (details go to the log only). */
export function toChatError(error: unknown): ChatError {
  if (error instanceof ChatError) return error;
  if (error instanceof LlmError) return chatErrorFromLlm(error);
  if (error instanceof ActionsError) return chatErrorFromActions(error);
  const status = typeof (error as { statusCode?: unknown })?.statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
  if (status === 413) {
    return new ChatError(413, 'too_many_messages', 'This conversation reached its message limit. Continue in a new chat.');
  }
  if (status === 404) return new ChatError(404, 'conversation_not_found', error instanceof Error ? error.message : 'Not found');
  return new ChatError(500, 'internal_error', 'The assistant failed unexpectedly; see the server log.', true);
}
