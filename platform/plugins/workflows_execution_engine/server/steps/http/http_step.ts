import { z } from 'zod/v4';
import { createServerStepDefinition, StepCategory } from '../../../../workflows_extensions/common';
import { InvalidDurationError } from '../errors';
import { parseDuration } from '../wait/duration';
import { performHttpRequest } from './http_request';

export const HTTP_STEP_ID = 'http';

/** §5.7: `http` requests get 30 s unless a step `timeout` is set. */
export const HTTP_DEFAULT_TIMEOUT = '30s';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const headerValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const httpInput = z.object({
  url: z.string().min(1).describe('Absolute http(s) URL; its host must be allowed by `workflows.http.allowedHosts`.'),
  method: z
    .preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(METHODS))
    .default('GET')
    .describe('HTTP method.'),
  headers: z.record(z.string(), headerValue).default({}).describe('Request headers.'),
  body: z.unknown().optional().describe('An object is sent as JSON, a string as is.'),
  timeout: z
    .union([z.string(), z.number().int().positive()])
    .optional()
    .describe(`Legacy request timeout (default ${HTTP_DEFAULT_TIMEOUT}); a step-level \`timeout\` replaces it.`),
});

const httpOutput = z.object({
  status: z.number(),
  statusText: z.string(),
  headers: z.record(z.string(), z.string()),
  data: z.unknown(),
});

/** The step-level `timeout`, seen here only to know the legacy `with.timeout` is overridden (the runner enforces it). */
const httpConfig = z.object({ timeout: z.union([z.string(), z.number()]).optional() });

function legacyTimeoutMs(value: string | number | undefined): number {
  if (typeof value === 'number') return value;
  const ms = parseDuration(value ?? HTTP_DEFAULT_TIMEOUT);
  if (ms === undefined) throw new InvalidDurationError(value);
  return ms;
}

export function createHttpStepDefinition(options: { allowedHosts: readonly string[] }) {
  return createServerStepDefinition({
    id: HTTP_STEP_ID,
    label: 'HTTP request',
    description: 'Sends an HTTP request to an allowed host and outputs the status, headers and parsed body.',
    category: StepCategory.External,
    stability: 'ga',
    documentation: {
      details:
        'Output `{status, statusText, headers, data}`; `data` is parsed JSON for JSON answers, text otherwise. ' +
        'A non-2xx answer fails with `HttpRequestError` (details carry the answer), a host outside `workflows.http.allowedHosts` ' +
        '(checked for every redirect, at most 5) with `HttpHostNotAllowedError`, a network failure with its code (e.g. `ECONNREFUSED`). ' +
        'The `authorization`, `proxy-authorization`, `cookie` and `x-api-key` headers are redacted in the stored input.',
      examples: [
        '- name: lookup_ip\n  type: http\n  with:\n    url: "https://api.example.com/ip/{{ event.alerts[0].source.ip }}"\n    method: GET\n    headers:\n      accept: application/json\n',
      ],
    },
    inputSchema: httpInput,
    outputSchema: httpOutput,
    configSchema: httpConfig,
    async handler({ input, config, abortSignal }) {
      const output = await performHttpRequest({
        url: input.url,
        method: input.method,
        headers: input.headers,
        body: input.body,
        allowedHosts: options.allowedHosts,
        signal: abortSignal,
        timeoutMs: config.timeout === undefined ? legacyTimeoutMs(input.timeout) : undefined,
      });
      return { output };
    },
  });
}
