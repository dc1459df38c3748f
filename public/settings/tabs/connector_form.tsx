/** Per-type connector form (§2): validated the EUI way (errors after the first submit), secrets write-only. */
import {
  EuiButton,
  EuiButtonEmpty,
  EuiFieldPassword,
  EuiFieldText,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiForm,
  EuiFormRow,
  EuiSelect,
  EuiTitle,
  EuiFlexGroup,
  EuiFlexItem,
} from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { HostConnectorInput } from '../../api';
import { s } from '../translations';
import { normalizeOpenAiCompatibleUrl, validateConnectorForm, type ConnectorFormValues, type ConnectorKind } from '../validation';

export const EMPTY_CONNECTOR: ConnectorFormValues = {
  kind: 'openai',
  name: '',
  apiUrl: '',
  apiKey: '',
  defaultModel: '',
  contextWindowTokens: '',
  toolCalling: 'auto',
  accessKey: '',
  secret: '',
};

const KINDS: Array<{ value: ConnectorKind; text: string }> = [
  { value: 'openai', text: 'OpenAI' },
  { value: 'azure', text: 'Azure OpenAI' },
  { value: 'other', text: 'OpenAI-compatible (Ollama, vLLM, LM Studio)' },
  { value: 'anthropic', text: 'Anthropic' },
  { value: 'bedrock', text: 'Amazon Bedrock' },
  { value: 'gemini', text: 'Google Gemini' },
];

/** Form values → the host connector API body. */
export function toHostConnector(v: ConnectorFormValues): HostConnectorInput {
  const common: Record<string, unknown> = {
    ...(v.contextWindowTokens.trim() ? { contextWindowTokens: Number(v.contextWindowTokens) } : {}),
    toolCalling: v.toolCalling,
  };
  const url = v.apiUrl.trim();
  const model = v.defaultModel.trim();
  switch (v.kind) {
    case 'openai':
      return { name: v.name.trim(), connector_type_id: '.gen-ai', config: { apiProvider: 'OpenAI', apiUrl: url || 'https://api.openai.com/v1/chat/completions', defaultModel: model, ...common }, secrets: v.apiKey ? { apiKey: v.apiKey } : undefined };
    case 'azure':
      return { name: v.name.trim(), connector_type_id: '.gen-ai', config: { apiProvider: 'Azure OpenAI', apiUrl: url, ...(model ? { defaultModel: model } : {}), ...common }, secrets: v.apiKey ? { apiKey: v.apiKey } : undefined };
    case 'other':
      return { name: v.name.trim(), connector_type_id: '.gen-ai', config: { apiProvider: 'Other', apiUrl: normalizeOpenAiCompatibleUrl(url), defaultModel: model, ...common }, secrets: v.apiKey ? { apiKey: v.apiKey } : {} };
    case 'anthropic':
      return { name: v.name.trim(), connector_type_id: '.anthropic', config: { ...(url ? { apiUrl: url } : {}), defaultModel: model, ...common }, secrets: v.apiKey ? { apiKey: v.apiKey } : undefined };
    case 'bedrock':
      return { name: v.name.trim(), connector_type_id: '.bedrock', config: { ...(url ? { apiUrl: url } : {}), defaultModel: model, ...common }, secrets: v.accessKey || v.secret ? { accessKey: v.accessKey, secret: v.secret } : undefined };
    case 'gemini':
      return { name: v.name.trim(), connector_type_id: '.gemini', config: { ...(url ? { apiUrl: url } : {}), defaultModel: model, ...common }, secrets: v.apiKey ? { apiKey: v.apiKey } : undefined };
  }
}

export function ConnectorForm({ initial, editing, onSave, onClose }: { initial: ConnectorFormValues; editing: boolean; onSave(values: ConnectorFormValues): Promise<void>; onClose(): void }) {
  const intl = useIntl();
  const [v, setV] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const errors = validateConnectorForm(v, editing);
  const shown = submitted ? errors : {};
  const set = (patch: Partial<ConnectorFormValues>) => setV((old) => ({ ...old, ...patch }));
  const err = (k: keyof ConnectorFormValues) => (shown[k] ? [intl.formatMessage(s[`err_${shown[k]}`])] : undefined);
  const row = (k: keyof ConnectorFormValues, label: string, node: JSX.Element, helpText?: string) => (
    <EuiFormRow label={label} isInvalid={!!shown[k]} error={err(k)} helpText={helpText} fullWidth>
      {node}
    </EuiFormRow>
  );
  const keyOptional = v.kind === 'other';
  const submit = async () => {
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    setSaving(true);
    try {
      await onSave(v);
    } finally {
      setSaving(false);
    }
  };

  return (
    <EuiFlyout onClose={onClose} size="s" ownFocus data-test-subj="connectorFormFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h3>{intl.formatMessage(editing ? s.editConnector : s.addConnector)}</h3>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        <EuiForm component="form" isInvalid={submitted && Object.keys(errors).length > 0} onSubmit={(e) => (e.preventDefault(), void submit())}>
          {row('kind', intl.formatMessage(s.connectorType), <EuiSelect fullWidth disabled={editing} options={KINDS} value={v.kind} onChange={(e) => set({ kind: e.target.value as ConnectorKind })} data-test-subj="connectorKind" />)}
          {row('name', intl.formatMessage(s.colName), <EuiFieldText fullWidth value={v.name} isInvalid={!!shown.name} onChange={(e) => set({ name: e.target.value })} data-test-subj="connectorName" />)}
          {row(
            'apiUrl',
            intl.formatMessage(v.kind === 'other' ? s.baseUrl : s.apiUrl),
            <EuiFieldText fullWidth value={v.apiUrl} isInvalid={!!shown.apiUrl} onChange={(e) => set({ apiUrl: e.target.value })} data-test-subj="connectorUrl" />,
            v.kind === 'other' && v.apiUrl.trim() ? intl.formatMessage(s.normalizedUrl, { url: normalizeOpenAiCompatibleUrl(v.apiUrl) }) : undefined,
          )}
          {v.kind !== 'bedrock' &&
            row(
              'apiKey',
              intl.formatMessage(keyOptional ? s.apiKeyOptional : s.apiKey),
              <EuiFieldPassword fullWidth type="dual" value={v.apiKey} isInvalid={!!shown.apiKey} onChange={(e) => set({ apiKey: e.target.value })} data-test-subj="connectorApiKey" />,
              editing ? intl.formatMessage(s.secretsWriteOnly) : undefined,
            )}
          {v.kind === 'bedrock' && (
            <>
              {row('accessKey', intl.formatMessage(s.accessKey), <EuiFieldPassword fullWidth value={v.accessKey} isInvalid={!!shown.accessKey} onChange={(e) => set({ accessKey: e.target.value })} />)}
              {row('secret', intl.formatMessage(s.secret), <EuiFieldPassword fullWidth value={v.secret} isInvalid={!!shown.secret} onChange={(e) => set({ secret: e.target.value })} />)}
            </>
          )}
          {row('defaultModel', intl.formatMessage(s.defaultModel), <EuiFieldText fullWidth value={v.defaultModel} isInvalid={!!shown.defaultModel} onChange={(e) => set({ defaultModel: e.target.value })} data-test-subj="connectorModel" />)}
          {row('contextWindowTokens', intl.formatMessage(s.contextWindow), <EuiFieldText fullWidth value={v.contextWindowTokens} placeholder={v.kind === 'other' ? '8192' : ''} isInvalid={!!shown.contextWindowTokens} onChange={(e) => set({ contextWindowTokens: e.target.value })} />)}
          {row(
            'toolCalling',
            intl.formatMessage(s.toolCalling),
            <EuiSelect fullWidth options={[{ value: 'auto', text: 'auto' }, { value: 'native', text: 'native' }, { value: 'prompted', text: 'prompted' }]} value={v.toolCalling} onChange={(e) => set({ toolCalling: e.target.value as ConnectorFormValues['toolCalling'] })} />,
          )}
        </EuiForm>
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiFlexGroup justifyContent="spaceBetween" responsive={false}>
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty onClick={onClose}>{intl.formatMessage(s.cancel)}</EuiButtonEmpty>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiButton fill isLoading={saving} onClick={() => void submit()} data-test-subj="connectorSave">
              {intl.formatMessage(s.saveForm)}
            </EuiButton>
          </EuiFlexItem>
        </EuiFlexGroup>
      </EuiFlyoutFooter>
    </EuiFlyout>
  );
}
