import { classifyProviderError, parseRetryAfter } from './classify_error';
import { LlmError, redactSecrets } from './errors';
import { extractJson } from './json_output';
import { normalizeAnthropicBaseUrl, normalizeOpenAiBaseUrl, parseAzureDeploymentUrl } from './provider_urls';
import { DEFAULT_RETRY, retryDelay } from './retry_policy';

const connector = { id: 'c1', name: 'My GPT', actionTypeId: '.gen-ai' };

describe('provider URLs (G6)', () => {
  it.each([
    ['https://api.openai.com/v1/chat/completions', 'https://api.openai.com/v1'],
    ['http://localhost:11434', 'http://localhost:11434/v1'],
    ['http://localhost:11434/', 'http://localhost:11434/v1'],
    ['http://localhost:1234/v1/', 'http://localhost:1234/v1'],
    ['https://generativelanguage.googleapis.com/v1beta/openai/', 'https://generativelanguage.googleapis.com/v1beta/openai'],
  ])('normalises %s', (input, expected) => {
    expect(normalizeOpenAiBaseUrl(input)).toBe(expected);
  });

  it('parses Azure deployment URLs', () => {
    expect(
      parseAzureDeploymentUrl('https://res.openai.azure.com/openai/deployments/gpt-41/chat/completions?api-version=2025-01-01-preview'),
    ).toEqual({ endpoint: 'https://res.openai.azure.com', deployment: 'gpt-41', apiVersion: '2025-01-01-preview' });
    expect(parseAzureDeploymentUrl('https://res.openai.azure.com/openai/v1')).toBeUndefined();
    expect(normalizeAnthropicBaseUrl('https://api.anthropic.com/v1/messages')).toBe('https://api.anthropic.com');
  });
});

describe('errors', () => {
  it('redacts keys, bearer tokens, URL keys and known secrets', () => {
    expect(
      redactSecrets('Incorrect API key provided: sk-proj-abcdef123456. Bearer abc.def url?key=AIzaSyA123&x=1 mysecretvalue', [
        'mysecretvalue',
      ]),
    ).toBe('Incorrect API key provided: [REDACTED]. [REDACTED] url?key=[REDACTED]&x=1 [REDACTED]');
  });

  it('parses retry-after in ms, seconds and HTTP dates', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '250' })).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter({ 'retry-after': new Date(10_000).toUTCString() }, 4_000)).toBe(6000);
    expect(parseRetryAfter({})).toBeUndefined();
  });

  it.each([
    [{ status: 429, error: { message: 'slow down' } }, 'llm_rate_limited'],
    [{ status: 503, error: { message: 'busy' } }, 'llm_unavailable'],
    [{ status: 529, error: { type: 'error', error: { message: 'Overloaded' } } }, 'llm_unavailable'],
    [{ status: 500, error: { message: 'boom' } }, 'llm_bad_response'],
    [{ status: 401, error: { message: 'bad key' } }, 'llm_auth_failed'],
    [{ status: 400, error: { message: "This model's maximum context length is 8192 tokens" } }, 'llm_context_length_exceeded'],
    [{ status: 400, error: { message: 'The response was filtered due to content management policy' } }, 'llm_content_filtered'],
    [{ status: 400, error: { message: 'registry.ollama.ai/library/gemma does not support tools' } }, 'llm_tools_unsupported'],
    [{ status: 400, error: { message: 'bad field' } }, 'llm_bad_request'],
    [{ name: 'APIConnectionError', message: 'Connection error.' }, 'llm_unavailable'],
    [{ name: 'SyntaxError', message: 'Unexpected token } in JSON' }, 'llm_bad_response'],
  ])('classifies %j as %s', (err, code) => {
    const e = classifyProviderError(err, connector, []);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/^Connector "My GPT" \(c1, \.gen-ai\): /);
  });

  it('quotes what the provider answered', () => {
    const e = classifyProviderError({ status: 400, error: { message: 'model "x" not found' } }, connector, []);
    expect(e.message).toBe('Connector "My GPT" (c1, .gen-ai): provider answered 400: model "x" not found');
    expect(e.providerMessage).toBe('model "x" not found');
  });
});

describe('retry policy (§8.5)', () => {
  const err = (code: ConstructorParameters<typeof LlmError>[1], retryAfterMs?: number) =>
    new LlmError(connector, code, 'x', { retryAfterMs });
  const options = { ...DEFAULT_RETRY, random: () => 0.5 };

  it('retries rate limits 3 times with exponential full-jitter backoff', () => {
    expect([0, 1, 2, 3].map((a) => retryDelay(err('llm_rate_limited'), a, options))).toEqual([500, 1000, 2000, undefined]);
  });

  it('honours Retry-After up to 60 s and gives up beyond', () => {
    expect(retryDelay(err('llm_unavailable', 5000), 0, options)).toBe(5000);
    expect(retryDelay(err('llm_unavailable', 61_000), 0, options)).toBeUndefined();
  });

  it('retries other 5xx and malformed output once, and never auth, context or client errors', () => {
    expect(retryDelay(err('llm_bad_response'), 0, options)).toBe(500);
    expect(retryDelay(err('llm_bad_response'), 1, options)).toBeUndefined();
    for (const code of ['llm_auth_failed', 'llm_context_length_exceeded', 'llm_bad_request', 'llm_content_filtered'] as const) {
      expect(retryDelay(err(code), 0, options)).toBeUndefined();
    }
  });
});

describe('extractJson', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['```json\n{"verdict":"benign","n":[1,2]}\n```', { verdict: 'benign', n: [1, 2] }],
    ['Sure! Here it is: {"a":"}{"} and more text', { a: '}{' }],
    ['prefix {not json} then [1, 2]', [1, 2]],
  ])('extracts from %s', (text, value) => {
    expect(extractJson(text)).toEqual({ value });
  });

  it('returns undefined without JSON', () => {
    expect(extractJson('no json here {')).toBeUndefined();
  });
});
