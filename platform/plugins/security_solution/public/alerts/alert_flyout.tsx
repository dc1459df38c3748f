/** Alert details flyout: overview, all fields, notes (markdown), tags, status actions and extensions. */
import {
  EuiBadge,
  EuiButton,
  EuiButtonEmpty,
  EuiContextMenuItem,
  EuiContextMenuPanel,
  EuiDescriptionList,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiInMemoryTable,
  EuiLoadingSpinner,
  EuiPopover,
  EuiSpacer,
  EuiTab,
  EuiTabs,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { useCallback, useEffect, useState } from 'react';
import { CLOSING_REASONS } from '../../common/api';
import { flattenSource, readField, readString, readStringArray } from '../../common/alert_fields';
import type { AlertsApi } from '../api/alerts_api';
import type { ExtensionRegistry } from '../extensions/extension_registry';
import { useExtensions } from '../extensions/use_extensions';
import type { AlertDetails } from '../types';
import { NotesTab } from './notes_tab';
import { SeverityHealth, StatusBadge } from './severity_badge';

export interface AlertFlyoutProps {
  alertId: string;
  api: AlertsApi;
  extensions: ExtensionRegistry;
  onClose(): void;
  /** The alert changed (status, tags): the table refreshes. */
  onChanged(): void;
  onError(title: string, error: Error): void;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function Overview({ alert }: { alert: AlertDetails }) {
  const s = alert.source;
  const threat = readField(s, 'kibana.alert.rule.threat') as Array<{ tactic?: { name?: string }; technique?: Array<{ id?: string; name?: string }> }> | undefined;
  const mitre = (threat ?? []).map((t) => `${t.tactic?.name ?? ''}: ${(t.technique ?? []).map((x) => `${x.id} ${x.name}`).join(', ')}`).join('; ');
  const rows: Array<[string, string]> = [
    ['Reason', text(readField(s, 'kibana.alert.reason'))],
    ['Rule', `${text(readField(s, 'kibana.alert.rule.name'))} (${text(readField(s, 'kibana.alert.rule.type'))})`],
    ['Rule description', text(readField(s, 'kibana.alert.rule.description'))],
    ['Risk score', text(readField(s, 'kibana.alert.risk_score'))],
    ['Timestamp', text(readField(s, '@timestamp'))],
    ['Host', text(readField(s, 'host.name'))],
    ['User', text(readField(s, 'user.name'))],
    ['Process', text(readField(s, 'process.command_line') ?? readField(s, 'process.name'))],
    ['Parent process', text(readField(s, 'process.parent.name'))],
    ['Source', text(readField(s, 'source.ip'))],
    ['Destination', `${text(readField(s, 'destination.ip'))}${readField(s, 'destination.port') !== undefined ? `:${text(readField(s, 'destination.port'))}` : ''}`],
    ['MITRE ATT&CK', mitre || '—'],
  ];
  return (
    <EuiDescriptionList
      type="column"
      compressed
      data-test-subj="alertOverview"
      listItems={rows.filter(([, v]) => v !== '—' && v !== '— (—)' && v !== '—').map(([title, description]) => ({ title, description }))}
    />
  );
}

function AllFields({ alert }: { alert: AlertDetails }) {
  const rows = flattenSource(alert.source).map((r) => ({ field: r.field, value: text(r.value) }));
  return (
    <div data-test-subj="alertFieldsTable">
    <EuiInMemoryTable
      items={rows}
      itemId="field"
      columns={[
        { field: 'field', name: 'Field', sortable: true, width: '40%' },
        { field: 'value', name: 'Value', render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span> },
      ]}
      search={{ box: { incremental: true, placeholder: 'Filter by field or value', 'data-test-subj': 'alertFieldsSearch' } }}
      pagination={{ initialPageSize: 50, pageSizeOptions: [50, 100, 500] }}
      sorting
      tableCaption="All fields of the alert"
    />
    </div>
  );
}

function StatusActions({ alert, api, onDone, onError }: { alert: AlertDetails; api: AlertsApi; onDone(): void; onError(title: string, e: Error): void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const status = readString(alert.source, 'kibana.alert.workflow_status');
  const run = async (next: 'open' | 'acknowledged' | 'closed', reason?: (typeof CLOSING_REASONS)[number]) => {
    setOpen(false);
    setBusy(true);
    try {
      await api.setStatus({ signal_ids: [alert.id], status: next, ...(reason ? { reason } : {}) });
      onDone();
    } catch (e) {
      onError('Could not change the alert status', e as Error);
    } finally {
      setBusy(false);
    }
  };
  const items = [
    ...(status !== 'open' ? [<EuiContextMenuItem key="open" icon="securitySignal" onClick={() => void run('open')} data-test-subj="openAlertStatus">Mark as open</EuiContextMenuItem>] : []),
    ...(status !== 'acknowledged' ? [<EuiContextMenuItem key="ack" icon="eye" onClick={() => void run('acknowledged')} data-test-subj="acknowledgedAlertStatus">Mark as acknowledged</EuiContextMenuItem>] : []),
    ...CLOSING_REASONS.map((r) => (
      <EuiContextMenuItem key={r} icon="securitySignalResolved" onClick={() => void run('closed', r)} data-test-subj={`closeAlertStatus-${r}`}>
        Close: {r.replace(/_/g, ' ')}
      </EuiContextMenuItem>
    )),
  ];
  return (
    <EuiPopover
      isOpen={open}
      closePopover={() => setOpen(false)}
      panelPaddingSize="none"
      button={
        <EuiButton size="s" iconType="arrowDown" iconSide="right" isLoading={busy} onClick={() => setOpen((o) => !o)} data-test-subj="alertStatusActions">
          Take action
        </EuiButton>
      }
    >
      <EuiContextMenuPanel items={items} />
    </EuiPopover>
  );
}

function TagsEditor({ alert, api, onDone, onError }: { alert: AlertDetails; api: AlertsApi; onDone(): void; onError(title: string, e: Error): void }) {
  const [draft, setDraft] = useState('');
  const tags = readStringArray(alert.source, 'kibana.alert.workflow_tags');
  const change = async (add: string[], remove: string[]) => {
    try {
      await api.setTags([alert.id], { tags_to_add: add, tags_to_remove: remove });
      onDone();
    } catch (e) {
      onError('Could not update tags', e as Error);
    }
  };
  return (
    <EuiFlexGroup gutterSize="xs" alignItems="center" wrap responsive={false} data-test-subj="alertTags">
      {tags.map((t) => (
        <EuiFlexItem grow={false} key={t}>
          <EuiBadge color="hollow" iconType="cross" iconSide="right" iconOnClick={() => void change([], [t])} iconOnClickAriaLabel={`Remove tag ${t}`}>
            {t}
          </EuiBadge>
        </EuiFlexItem>
      ))}
      <EuiFlexItem grow={false}>
        <EuiFieldText
          compressed
          placeholder="Add tag"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft.trim()) {
              void change([draft.trim()], []);
              setDraft('');
            }
          }}
          data-test-subj="alertAddTag"
          aria-label="Add tag"
        />
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}

export function AlertFlyout({ alertId, api, extensions, onClose, onChanged, onError }: AlertFlyoutProps) {
  const [alert, setAlert] = useState<AlertDetails | undefined>();
  const [missing, setMissing] = useState(false);
  const [tab, setTab] = useState('overview');
  const [version, setVersion] = useState(0);
  const headerActions = useExtensions(extensions.flyoutHeaderActions);
  const extraTabs = useExtensions(extensions.flyoutTabs);

  useEffect(() => {
    let cancelled = false;
    api.searchAlerts({ query: { ids: { values: [alertId] } }, size: 1 }).then(
      (res) => {
        if (cancelled) return;
        const hit = res.hits.hits[0];
        if (hit) setAlert({ id: hit._id, index: hit._index, source: hit._source });
        else setMissing(true);
      },
      (e: Error) => onError('Could not load the alert', e),
    );
    return () => {
      cancelled = true;
    };
  }, [api, alertId, version, onError]);

  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    onChanged();
  }, [onChanged]);

  const tabs = [
    { id: 'overview', name: 'Overview' },
    { id: 'table', name: 'Table' },
    { id: 'notes', name: 'Notes' },
    ...extraTabs.map((t) => ({ id: `ext:${t.id}`, name: t.name })),
  ];
  const ExtTab = extraTabs.find((t) => `ext:${t.id}` === tab)?.Component;

  return (
    <EuiFlyout onClose={onClose} size="m" ownFocus={false} aria-labelledby="alertFlyoutTitle" data-test-subj="alertFlyout">
      <EuiFlyoutHeader hasBorder>
        {!alert && !missing && <EuiLoadingSpinner size="l" />}
        {missing && <EuiText data-test-subj="alertFlyoutMissing">Alert {alertId} was not found in this space.</EuiText>}
        {alert && (
          <>
            <EuiTitle size="s">
              <h2 id="alertFlyoutTitle" data-test-subj="alertFlyoutTitle">
                {readString(alert.source, 'kibana.alert.rule.name') ?? 'Alert'}
              </h2>
            </EuiTitle>
            <EuiSpacer size="s" />
            <EuiFlexGroup gutterSize="m" alignItems="center" responsive={false} wrap>
              <EuiFlexItem grow={false}>
                <SeverityHealth severity={readString(alert.source, 'kibana.alert.severity')} />
              </EuiFlexItem>
              <EuiFlexItem grow={false}>
                <StatusBadge status={readString(alert.source, 'kibana.alert.workflow_status')} />
              </EuiFlexItem>
              {readString(alert.source, 'kibana.alert.workflow_reason') && (
                <EuiFlexItem grow={false}>
                  <EuiText size="xs" color="subdued">
                    reason: {readString(alert.source, 'kibana.alert.workflow_reason')}
                  </EuiText>
                </EuiFlexItem>
              )}
              <EuiFlexItem />
              {headerActions.map(({ id, Component }) => (
                <EuiFlexItem grow={false} key={id} data-test-subj={`alertFlyoutHeaderAction-${id}`}>
                  <Component alert={alert} closeFlyout={onClose} onAlertChanged={changed} />
                </EuiFlexItem>
              ))}
              <EuiFlexItem grow={false}>
                <StatusActions alert={alert} api={api} onDone={changed} onError={onError} />
              </EuiFlexItem>
            </EuiFlexGroup>
            <EuiSpacer size="s" />
            <TagsEditor alert={alert} api={api} onDone={changed} onError={onError} />
            <EuiSpacer size="s" />
            <EuiTabs bottomBorder={false}>
              {tabs.map((t) => (
                <EuiTab key={t.id} isSelected={tab === t.id} onClick={() => setTab(t.id)} data-test-subj={`alertFlyoutTab-${t.id}`}>
                  {t.name}
                </EuiTab>
              ))}
            </EuiTabs>
          </>
        )}
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        {alert && tab === 'overview' && <Overview alert={alert} />}
        {alert && tab === 'table' && <AllFields alert={alert} />}
        {alert && tab === 'notes' && <NotesTab alertId={alert.id} api={api} onError={onError} />}
        {alert && ExtTab && <ExtTab alert={alert} />}
        <EuiSpacer />
        <EuiButtonEmpty iconType="cross" onClick={onClose} data-test-subj="alertFlyoutClose">
          Close
        </EuiButtonEmpty>
      </EuiFlyoutBody>
    </EuiFlyout>
  );
}
