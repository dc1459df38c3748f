import { normalizeOpenAiCompatibleUrl, randomColor, validateAnonymizationField, validateConnectorForm, validateKbIndex, validateQuickPrompt, validateSystemPrompt, type ConnectorFormValues } from './validation';

const connector = (patch: Partial<ConnectorFormValues>): ConnectorFormValues => ({
  kind: 'other', name: 'Local', apiUrl: 'http://localhost:11434', apiKey: '', defaultModel: 'llama3', contextWindowTokens: '', toolCalling: 'auto',
  accessKey: '', secret: '', ...patch,
});

describe('settings validation', () => {
  it('rejects duplicate system prompt names case-insensitively and empty content', () => {
    expect(validateSystemPrompt({ name: ' triage ', content: '' }, ['Triage'])).toEqual({ name: 'duplicateName', content: 'required' });
    expect(validateSystemPrompt({ name: 'x'.repeat(101), content: 'ok' }, [])).toEqual({ name: 'tooLong' });
  });
  it('checks quick prompt colour and category count', () => {
    expect(validateQuickPrompt({ name: 'A', content: 'B', color: '#12345', categories: Array(11).fill('alert') }, [])).toEqual({ color: 'badColor', categories: 'tooManyCategories' });
    expect(validateQuickPrompt({ name: 'A', content: 'B', color: randomColor(() => 0.5), categories: [] }, [])).toEqual({});
  });
  it('normalises OpenAI-compatible base URLs', () => {
    expect(normalizeOpenAiCompatibleUrl('http://localhost:11434/')).toBe('http://localhost:11434/v1/chat/completions');
    expect(normalizeOpenAiCompatibleUrl('http://h:8000/v1')).toBe('http://h:8000/v1/chat/completions');
    expect(normalizeOpenAiCompatibleUrl('http://h/v1/chat/completions')).toBe('http://h/v1/chat/completions');
  });
  it('requires a model for Other and a key for OpenAI, but not the stored key when editing', () => {
    expect(validateConnectorForm(connector({ defaultModel: '' }), false)).toEqual({ defaultModel: 'required' });
    expect(validateConnectorForm(connector({ kind: 'openai', apiUrl: '', apiKey: '' }), false)).toEqual({ apiKey: 'required' });
    expect(validateConnectorForm(connector({ kind: 'openai', apiUrl: '', apiKey: '' }), true)).toEqual({});
    expect(validateConnectorForm(connector({ apiUrl: 'not a url', contextWindowTokens: '8k' }), false)).toEqual({ apiUrl: 'badUrl', contextWindowTokens: 'notNumber' });
  });
  it('checks anonymization field names and KB index entries', () => {
    expect(validateAnonymizationField('host.name', ['host.name'])).toBe('fieldExists');
    expect(validateAnonymizationField('bad name', [])).toBe('badFieldName');
    expect(validateKbIndex({ name: 'n', index: 'logs-*', field: '', description: 'd', queryDescription: 'q', outputFields: [] })).toEqual({ index: 'wildcardIndex', field: 'required' });
  });
});
