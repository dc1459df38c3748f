/** Form rules of the settings tabs (§2), pure: each returns field → error message id (absent = valid). */
export type FieldErrors<K extends string> = Partial<Record<K, ErrorCode>>;

export type ErrorCode = 'required' | 'tooLong' | 'duplicateName' | 'badColor' | 'tooManyCategories' | 'badUrl' | 'wildcardIndex' | 'badFieldName' | 'fieldExists' | 'notNumber';

const len = (s: string | undefined) => (s ?? '').trim().length;

function lengthError(value: string | undefined, max: number): ErrorCode | undefined {
  if (len(value) === 0) return 'required';
  if ((value ?? '').length > max) return 'tooLong';
  return undefined;
}

function prune<K extends string>(errors: Partial<Record<K, ErrorCode | undefined>>): FieldErrors<K> {
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined)) as FieldErrors<K>;
}

/** Names are unique per user and type, case-insensitively. */
function nameTaken(name: string, others: readonly string[]): boolean {
  const key = name.trim().toLowerCase();
  return others.some((o) => o.trim().toLowerCase() === key);
}

export function validateSystemPrompt(input: { name: string; content: string }, otherNames: readonly string[]): FieldErrors<'name' | 'content'> {
  return prune({
    name: lengthError(input.name, 100) ?? (nameTaken(input.name, otherNames) ? 'duplicateName' : undefined),
    content: lengthError(input.content, 20_000),
  });
}

export const COLOR_PATTERN = /^#[0-9A-Fa-f]{6}$/;
export const QUICK_PROMPT_CATEGORIES = ['general', 'alert', 'event', 'detection-rules', 'data-quality-dashboard'] as const;

export function validateQuickPrompt(input: { name: string; content: string; color: string; categories: string[] }, otherNames: readonly string[]): FieldErrors<'name' | 'content' | 'color' | 'categories'> {
  return prune({
    name: lengthError(input.name, 100) ?? (nameTaken(input.name, otherNames) ? 'duplicateName' : undefined),
    content: lengthError(input.content, 10_000),
    color: COLOR_PATTERN.test(input.color) ? undefined : 'badColor',
    categories: input.categories.length > 10 ? 'tooManyCategories' : undefined,
  });
}

/** A random colour for new quick prompts. */
export function randomColor(random: () => number = Math.random): string {
  return `#${Math.floor(random() * 0x1000000).toString(16).padStart(6, '0').toUpperCase()}`;
}

export function validateConversationEdit(input: { title: string; model: string; modelRequired: boolean }): FieldErrors<'title' | 'model'> {
  return prune({
    title: lengthError(input.title, 255),
    model: input.model.length > 200 ? 'tooLong' : input.modelRequired && len(input.model) === 0 ? 'required' : undefined,
  });
}

export type ConnectorKind = 'openai' | 'azure' | 'other' | 'anthropic' | 'bedrock' | 'gemini';

export interface ConnectorFormValues {
  kind: ConnectorKind;
  name: string;
  apiUrl: string;
  apiKey: string;
  defaultModel: string;
  contextWindowTokens: string;
  toolCalling: 'auto' | 'native' | 'prompted';
  accessKey: string;
  secret: string;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** §2 "Other": base URL gets `/v1` if missing, then `/chat/completions`; the result is shown under the field. */
export function normalizeOpenAiCompatibleUrl(base: string): string {
  let url = base.trim().replace(/\/+$/, '');
  if (!url) return '';
  if (/\/chat\/completions$/.test(url)) return url;
  if (!/\/v\d+$/.test(url)) url = `${url}/v1`;
  return `${url}/chat/completions`;
}

/** `editing`: secrets are write-only, so an empty key keeps the stored one. */
export function validateConnectorForm(v: ConnectorFormValues, editing: boolean): FieldErrors<keyof ConnectorFormValues> {
  const needsKey = !editing && (v.kind === 'openai' || v.kind === 'azure' || v.kind === 'anthropic' || v.kind === 'gemini');
  return prune({
    name: lengthError(v.name, 100),
    apiUrl: (v.kind === 'openai' || v.kind === 'anthropic' || v.kind === 'bedrock' || v.kind === 'gemini') && !v.apiUrl.trim() ? undefined : !v.apiUrl.trim() ? 'required' : isHttpUrl(v.kind === 'other' ? normalizeOpenAiCompatibleUrl(v.apiUrl) : v.apiUrl) ? undefined : 'badUrl',
    apiKey: needsKey && !v.apiKey.trim() ? 'required' : undefined,
    defaultModel: v.kind !== 'azure' && !v.defaultModel.trim() ? 'required' : v.defaultModel.length > 200 ? 'tooLong' : undefined,
    contextWindowTokens: v.contextWindowTokens.trim() && !/^\d+$/.test(v.contextWindowTokens.trim()) ? 'notNumber' : undefined,
    accessKey: v.kind === 'bedrock' && !editing && !v.accessKey.trim() ? 'required' : undefined,
    secret: v.kind === 'bedrock' && !editing && !v.secret.trim() ? 'required' : undefined,
  });
}

export const FIELD_NAME_PATTERN = /^[A-Za-z0-9_@][A-Za-z0-9_@.\-]*$/;

export function validateAnonymizationField(field: string, existing: readonly string[]): ErrorCode | undefined {
  if (!field.trim()) return 'required';
  if (field.length > 256) return 'tooLong';
  if (!FIELD_NAME_PATTERN.test(field)) return 'badFieldName';
  if (existing.includes(field)) return 'fieldExists';
  return undefined;
}

export function validateKbDocument(v: { name: string; text: string }): FieldErrors<'name' | 'text'> {
  return prune({ name: lengthError(v.name, 255), text: lengthError(v.text, 32_000) });
}

export function validateKbIndex(v: { name: string; index: string; field: string; description: string; queryDescription: string; outputFields: string[] }): FieldErrors<'name' | 'index' | 'field' | 'description' | 'queryDescription' | 'outputFields'> {
  return prune({
    name: lengthError(v.name, 255),
    index: !v.index.trim() ? 'required' : /[*,\s]/.test(v.index) ? 'wildcardIndex' : undefined,
    field: !v.field.trim() ? 'required' : undefined,
    description: lengthError(v.description, 1000),
    queryDescription: lengthError(v.queryDescription, 1000),
    outputFields: v.outputFields.length > 20 ? 'tooLong' : undefined,
  });
}
