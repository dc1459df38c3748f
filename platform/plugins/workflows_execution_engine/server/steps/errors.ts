/**
 * Step errors (workflow-engine §5.3): each carries the spec's `type` (also its `name`, so a thrown error reads the
 * same in logs) and optional `details` the runner stores with the step record.
 */
export class StepError extends Error {
  readonly type: string;
  readonly details?: unknown;

  constructor(type: string, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.name = type;
    this.type = type;
    if (details !== undefined) this.details = details;
  }
}

export class InvalidDurationError extends StepError {
  constructor(value: unknown) {
    super('InvalidDurationError', `Invalid duration format: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
}

export class WaitAbortedError extends StepError {
  constructor() {
    super('WaitAbortedError', 'Wait step was aborted');
  }
}

export class TimeoutError extends StepError {
  constructor(message: string, details?: unknown) {
    super('TimeoutError', message, details);
  }
}

export class HttpHostNotAllowedError extends StepError {
  constructor(host: string, url: string, allowedHosts: readonly string[]) {
    super(
      'HttpHostNotAllowedError',
      `Host "${host}" is not allowed by workflows.http.allowedHosts (${allowedHosts.join(', ') || 'empty'})`,
      { host, url, allowedHosts: [...allowedHosts] },
    );
  }
}

export interface HttpErrorDetails {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  data: unknown;
}

export class HttpRequestError extends StepError {
  declare readonly details: HttpErrorDetails;
  constructor(method: string, url: string, details: HttpErrorDetails) {
    super('HttpRequestError', `${method} ${url} failed with status ${details.status} ${details.statusText}`.trim(), details);
  }
}

export class HttpRequestCancelledError extends StepError {
  constructor(method: string, url: string) {
    super('HttpRequestCancelledError', `${method} ${url} was cancelled`);
  }
}

/** A network failure: the type is the system error code (e.g. `ECONNREFUSED`). */
export class HttpNetworkError extends StepError {
  constructor(code: string, message: string, url: string, cause: unknown) {
    super(code, message, { code, url }, { cause });
  }
}

export class TooManyRedirectsError extends StepError {
  constructor(url: string, max: number) {
    super('HttpTooManyRedirectsError', `More than ${max} redirects starting at ${url}`, { url, max });
  }
}

export interface ElasticsearchErrorDetails {
  statusCode?: number;
  type?: string;
  reason?: string;
}

export class ElasticsearchError extends StepError {
  declare readonly details: ElasticsearchErrorDetails;
  constructor(message: string, details: ElasticsearchErrorDetails, options?: { cause?: unknown }) {
    super('ElasticsearchError', message, details, options);
  }
}

/** Thrown by `callKibanaApi` (and so by `kibana.request`) when the host answers with status ≥ 400. */
export class KibanaApiError extends StepError {
  declare readonly details: { statusCode: number; body: unknown };
  constructor(method: string, path: string, statusCode: number, body: unknown) {
    const reason = typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : undefined;
    super('KibanaApiError', `${method} ${path} failed with status ${statusCode}${reason ? `: ${reason}` : ''}`, { statusCode, body });
  }
}

export class ConnectorNotFoundError extends StepError {
  constructor(message: string, details?: { connectorId?: string; spaceId: string }) {
    super('ConnectorNotFoundError', message, details);
  }
}

export interface StructuredOutputIssue {
  path: Array<string | number>;
  message: string;
}

export class StructuredOutputError extends StepError {
  declare readonly details: { raw: string; issues: StructuredOutputIssue[] };
  constructor(raw: string, issues: StructuredOutputIssue[]) {
    const first = issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    super('StructuredOutputError', `The model's answer does not match the schema${first ? `${where}: ${first.message}` : ''}`, { raw, issues });
  }
}

/** A connector failure (rate limit, auth, timeout…), with the actions plugin's code. */
export class LlmRequestError extends StepError {
  constructor(message: string, details: { code: string; connectorId: string; status?: number }, cause: unknown) {
    super('LlmRequestError', message, details, { cause });
  }
}

export class AgentNotFoundError extends StepError {
  constructor(agentId: string) {
    super('AgentNotFoundError', `Agent "${agentId}" not found`, { agentId });
  }
}

export class AgentConversationNotFoundError extends StepError {
  constructor(conversationId: string, spaceId: string) {
    super('AgentConversationNotFoundError', `Conversation ${conversationId} not found in space ${spaceId}`, { conversationId, spaceId });
  }
}
