/** Connector URLs as users paste them, normalised for the SDKs (G6: "URL normalised"). */

/**
 * OpenAI-compatible base URL: `…/v1/chat/completions`, `…/v1/` and a bare `http://localhost:11434` all become
 * `…/v1` (Ollama, vLLM, LM Studio and llama.cpp serve the API under /v1).
 */
export function normalizeOpenAiBaseUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  let path = url.pathname.replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
  if (path === '') path = '/v1';
  return `${url.origin}${path}`;
}

export interface AzureTarget {
  endpoint: string;
  deployment: string;
  apiVersion: string;
}

export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

/** Azure's deployment URL `https://<res>.openai.azure.com/openai/deployments/<d>/chat/completions?api-version=…`. */
export function parseAzureDeploymentUrl(apiUrl: string): AzureTarget | undefined {
  const url = new URL(apiUrl);
  const match = /^(.*)\/openai\/deployments\/([^/]+)/.exec(url.pathname);
  if (!match) return undefined;
  return {
    endpoint: `${url.origin}${match[1]}`,
    deployment: decodeURIComponent(match[2]),
    apiVersion: url.searchParams.get('api-version') ?? DEFAULT_AZURE_API_VERSION,
  };
}

/** The Anthropic SDK appends /v1/messages itself. */
export function normalizeAnthropicBaseUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/messages$/, '').replace(/\/v1$/, '');
  return `${url.origin}${path}`;
}
