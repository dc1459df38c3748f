/** Connectors tab (§2): AI connectors with status, Test (N2), Set default, Edit, Delete; forms save immediately. */
import { EuiBasicTable, EuiButton, EuiHealth, EuiSpacer, EuiToolTip, type EuiBasicTableColumn } from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { NotificationsStart } from '../../../platform/core/public';
import { useAssistantApi, useConnectors, useInvalidate, type AiConnector } from '../../api';
import { s } from '../translations';
import { ConnectorForm, EMPTY_CONNECTOR, toHostConnector } from './connector_form';
import type { ConnectorFormValues, ConnectorKind } from '../validation';

function kindOf(c: AiConnector): ConnectorKind {
  if (c.actionTypeId === '.anthropic') return 'anthropic';
  if (c.actionTypeId === '.bedrock') return 'bedrock';
  if (c.actionTypeId === '.gemini') return 'gemini';
  return c.provider === 'Azure OpenAI' ? 'azure' : c.provider === 'Other' ? 'other' : 'openai';
}

export function ConnectorsTab({ notifications, canEdit }: { notifications: NotificationsStart; canEdit: boolean }) {
  const intl = useIntl();
  const { api } = useAssistantApi();
  const connectors = useConnectors();
  const invalidate = useInvalidate();
  const [form, setForm] = useState<{ id?: string; values: ConnectorFormValues } | undefined>();
  const [tests, setTests] = useState<Record<string, boolean>>({});
  const fail = (e: Error) => notifications.toasts.addError(e, { title: intl.formatMessage(s.saveFailed) });

  const test = async (c: AiConnector) => {
    try {
      const res = await api.testConnector(c.id);
      setTests((t) => ({ ...t, [c.id]: res.ok }));
      if (res.ok) notifications.toasts.addSuccess(intl.formatMessage(s.testOk, { latency: res.latencyMs, model: res.model ?? 'none' }));
      else notifications.toasts.addDanger(intl.formatMessage(s.testFailed, { error: res.error?.message ?? '' }));
    } catch (e) {
      setTests((t) => ({ ...t, [c.id]: false }));
      notifications.toasts.addDanger(intl.formatMessage(s.testFailed, { error: (e as Error).message }));
    }
  };

  const columns: Array<EuiBasicTableColumn<AiConnector>> = [
    { field: 'name', name: intl.formatMessage(s.colName), render: (name: string, c: AiConnector) => (c.isPreconfigured ? <EuiToolTip content={intl.formatMessage(s.preconfigured)}><span>{name}</span></EuiToolTip> : name) },
    { field: 'provider', name: intl.formatMessage(s.colProvider) },
    { field: 'defaultModel', name: intl.formatMessage(s.colModel) },
    { field: 'isDefault', name: intl.formatMessage(s.colDefault), width: '70px', render: (d: boolean) => (d ? '★' : '') },
    {
      name: intl.formatMessage(s.colStatus),
      render: (c: AiConnector) =>
        c.isMissingSecrets ? (
          <EuiHealth color="warning">{intl.formatMessage(s.statusMissingSecrets)}</EuiHealth>
        ) : tests[c.id] === false ? (
          <EuiHealth color="danger">{intl.formatMessage(s.statusTestFailed)}</EuiHealth>
        ) : (
          <EuiHealth color="success">{intl.formatMessage(s.statusReady)}</EuiHealth>
        ),
    },
    {
      name: intl.formatMessage(s.colActions),
      actions: [
        { name: intl.formatMessage(s.test), description: intl.formatMessage(s.test), icon: 'play', type: 'icon', onClick: (c) => void test(c), 'data-test-subj': 'connectorTest' },
        {
          name: intl.formatMessage(s.setDefault),
          description: intl.formatMessage(s.setDefault),
          icon: 'starEmpty',
          type: 'icon',
          available: (c) => canEdit && !c.isDefault,
          onClick: (c) => void api.setDefaultConnector(c.id).then(() => invalidate('connectors'), fail),
          'data-test-subj': 'connectorSetDefault',
        },
        {
          name: intl.formatMessage(s.edit),
          description: intl.formatMessage(s.edit),
          icon: 'pencil',
          type: 'icon',
          available: (c) => canEdit && !c.isPreconfigured,
          onClick: (c) => setForm({ id: c.id, values: { ...EMPTY_CONNECTOR, kind: kindOf(c), name: c.name, defaultModel: c.defaultModel ?? '', contextWindowTokens: c.contextWindowTokens ? String(c.contextWindowTokens) : '', toolCalling: c.toolCalling } }),
        },
        {
          name: intl.formatMessage(s.delete),
          description: intl.formatMessage(s.delete),
          icon: 'trash',
          type: 'icon',
          color: 'danger',
          available: (c) => canEdit && !c.isPreconfigured,
          onClick: (c) => void api.deleteHostConnector(c.id).then(() => invalidate('connectors'), fail),
        },
      ],
    },
  ];

  return (
    <div data-test-subj="settingsConnectorsTab">
      {canEdit && (
        <EuiButton iconType="plusInCircle" onClick={() => setForm({ values: EMPTY_CONNECTOR })} data-test-subj="settingsAddConnector">
          {intl.formatMessage(s.addConnector)}
        </EuiButton>
      )}
      <EuiSpacer size="m" />
      <EuiBasicTable items={connectors.data?.connectors ?? []} columns={columns} loading={connectors.isLoading} tableCaption={intl.formatMessage(s.tab_connectors)} />
      {form && (
        <ConnectorForm
          initial={form.values}
          editing={form.id !== undefined}
          onClose={() => setForm(undefined)}
          onSave={async (values) => {
            const body = toHostConnector(values);
            try {
              if (form.id) await api.updateHostConnector(form.id, { name: body.name, config: body.config, ...(body.secrets ? { secrets: body.secrets } : {}) });
              else await api.createHostConnector({ ...body, secrets: body.secrets ?? {} });
              setForm(undefined);
              notifications.toasts.addSuccess(intl.formatMessage(s.saved));
              await invalidate('connectors');
            } catch (e) {
              fail(e as Error);
            }
          }}
        />
      )}
    </div>
  );
}
