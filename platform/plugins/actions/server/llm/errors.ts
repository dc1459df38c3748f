/** LLM errors as values with a code the chat maps to its §8.5 handling, naming the connector. */

export type LlmErrorCode =
  | 'llm_rate_limited'
  | 'llm_unavailable'
  | 'llm_bad_response'
  | 'llm_auth_failed'
  | 'llm_context_length_exceeded'
  | 'llm_content_filtered'
  | 'llm_tools_unsupported'
  | 'llm_bad_request'
  | 'llm_timeout'
  | 'llm_aborted'
  | 'llm_not_supported';

export interface ConnectorRef {
  id: string;
  name: string;
  actionTypeId: string;
}

export class LlmError extends Error {
  readonly code: LlmErrorCode;
  readonly connectorId: string;
  readonly connectorName: string;
  readonly status?: number;
  /** What the provider said, secrets removed. */
  readonly providerMessage?: string;
  readonly retryAfterMs?: number;
  /** Raw model output for malformed structured answers. */
  readonly raw?: string;

  constructor(
    connector: ConnectorRef,
    code: LlmErrorCode,
    detail: string,
    extra: { status?: number; providerMessage?: string; retryAfterMs?: number; raw?: string; cause?: unknown } = {},
  ) {
    super(`Connector "${connector.name}" (${connector.id}, ${connector.actionTypeId}): ${detail}`, { cause: extra.cause });
    this.name = 'LlmError';
    this.code = code;
    this.connectorId = connector.id;
    this.connectorName = connector.name;
    this.status = extra.status;
    this.providerMessage = extra.providerMessage;
    this.retryAfterMs = extra.retryAfterMs;
    this.raw = extra.raw;
  }

  /** Whether the chat may offer "retry" to the user (transient conditions only). */
  get retryable(): boolean {
    return ['llm_rate_limited', 'llm_unavailable', 'llm_bad_response', 'llm_timeout'].includes(this.code);
  }
}

const SECRET_PATTERNS: RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{6,}/g,
  /\bsk-ant-[A-Za-z0-9_-]{6,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\b(api[-_]?key|key|token|access_token|x-goog-api-key)=([^&\s"']+)/gi,
  /\bAIza[0-9A-Za-z_-]{20,}/g,
];

/** §8.5: strips `sk-…`, `Bearer …`, URL keys and the connector's own secret values from provider text. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4) out = out.split(secret).join('[REDACTED]');
  }
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match, name: unknown) =>
      typeof name === 'string' && match.includes('=') ? `${name}=[REDACTED]` : '[REDACTED]',
    );
  }
  return out;
}
