/** Header names whose values never reach a stored step input (workflow-engine §2.3). */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

export const REDACTED = '[REDACTED]';

/** A copy of `headers` with the sensitive values replaced; names compared case-insensitively. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SENSITIVE_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  return out;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Step types whose `with.headers` is sent as HTTP headers. */
const HEADER_STEP_TYPES = new Set(['http', 'kibana.request', 'elasticsearch.request']);

/** The input to store for a step record: the same value, with secret request headers masked. */
export function redactStepInput(stepType: string, input: unknown): unknown {
  if (!HEADER_STEP_TYPES.has(stepType) || !isRecord(input) || !isRecord(input.headers)) return input;
  return { ...input, headers: redactHeaders(input.headers) };
}
