/** §1.2 header: inline title, connector picker (★ default), system prompt picker and the `...` menu. */
import {
  EuiButtonIcon,
  EuiConfirmModal,
  EuiContextMenuItem,
  EuiContextMenuPanel,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiInlineEditTitle,
  EuiPopover,
  EuiRange,
  EuiSuperSelect,
  EuiSwitch,
  EuiText,
  EuiToolTip,
} from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AiConnector, Conversation, SystemPrompt } from '../../api';
import { messages as t } from '../translations';

const ADD_CONNECTOR = '__add_connector__';
const NEW_PROMPT = '__new_prompt__';

export interface FlyoutHeaderProps {
  conversation: Conversation | undefined;
  isDraft: boolean;
  streaming: boolean;
  readOnly: boolean;
  connectors: AiConnector[];
  connector: AiConnector | undefined;
  canAddConnector: boolean;
  systemPrompts: SystemPrompt[];
  systemPromptId: string | undefined;
  showAnonymized: boolean;
  canShowAnonymized: boolean;
  alertsToAnalyze: number;
  onRename(title: string): Promise<boolean>;
  onConnectorChange(connector: AiConnector): void;
  onSystemPromptChange(id: string): void;
  onShowAnonymized(on: boolean): void;
  onAlertsToAnalyze(n: number): void;
  onReset(): void;
  onDelete(): void;
  onExport(): void;
  onOpenSettings(tab?: string): void;
  onToggleHistory(): void;
}

export function FlyoutHeader(props: FlyoutHeaderProps) {
  const intl = useIntl();
  const [menuOpen, setMenuOpen] = useState(false);
  const [confirm, setConfirm] = useState<'reset' | 'delete' | undefined>();
  const title = props.conversation?.title || intl.formatMessage(t.untitled);

  const connectorOptions = [
    ...props.connectors.map((c) => ({
      value: c.id,
      disabled: c.isMissingSecrets,
      inputDisplay: <span data-test-subj="assistantConnectorSelected">{c.isDefault ? intl.formatMessage(t.connectorDefault, { name: c.name }) : c.name}</span>,
      dropdownDisplay: (
        <>
          <strong>{c.isMissingSecrets ? intl.formatMessage(t.connectorMissingSecrets, { name: c.name }) : c.name}</strong>
          {c.isDefault && ' ★'}
          <EuiText size="xs" color="subdued">
            {[c.provider, c.defaultModel].filter(Boolean).join(' · ')}
          </EuiText>
        </>
      ),
    })),
    ...(props.canAddConnector ? [{ value: ADD_CONNECTOR, inputDisplay: intl.formatMessage(t.addConnector), dropdownDisplay: intl.formatMessage(t.addConnector) }] : []),
  ];
  const promptOptions = [
    ...props.systemPrompts.map((p) => ({ value: p.id, inputDisplay: p.name, dropdownDisplay: p.name })),
    ...(!props.readOnly ? [{ value: NEW_PROMPT, inputDisplay: intl.formatMessage(t.newSystemPrompt), dropdownDisplay: intl.formatMessage(t.newSystemPrompt) }] : []),
  ];

  const menuItems = [
    <EuiContextMenuItem key="anon" toolTipContent={props.canShowAnonymized ? undefined : intl.formatMessage(t.showAnonymizedDisabled)}>
      <EuiSwitch
        compressed
        label={`${intl.formatMessage(t.showAnonymized)} (Alt+A)`}
        checked={props.showAnonymized}
        disabled={!props.canShowAnonymized}
        onChange={(e) => props.onShowAnonymized(e.target.checked)}
        data-test-subj="assistantShowAnonymized"
      />
    </EuiContextMenuItem>,
    <EuiContextMenuItem key="alerts">
      <EuiFormRow label={intl.formatMessage(t.alertsToAnalyze)} display="rowCompressed">
        <EuiRange
          min={10}
          max={500}
          step={10}
          compressed
          showInput
          value={props.alertsToAnalyze}
          onChange={(e) => props.onAlertsToAnalyze(Number((e.target as HTMLInputElement).value))}
          aria-label={intl.formatMessage(t.alertsToAnalyze)}
          data-test-subj="assistantAlertsToAnalyze"
        />
      </EuiFormRow>
    </EuiContextMenuItem>,
    ...(!props.isDraft && !props.readOnly
      ? [
          <EuiContextMenuItem key="reset" icon="eraser" onClick={() => (setMenuOpen(false), setConfirm('reset'))} data-test-subj="assistantResetConversation">
            {intl.formatMessage(t.resetConversation)}
          </EuiContextMenuItem>,
          <EuiContextMenuItem key="delete" icon="trash" onClick={() => (setMenuOpen(false), setConfirm('delete'))} data-test-subj="assistantDeleteConversation">
            {intl.formatMessage(t.delete)}
          </EuiContextMenuItem>,
        ]
      : []),
    ...(!props.isDraft
      ? [
          <EuiContextMenuItem key="export" icon="export" onClick={() => (setMenuOpen(false), props.onExport())} data-test-subj="assistantExportConversation">
            {intl.formatMessage(t.exportJson)}
          </EuiContextMenuItem>,
        ]
      : []),
    <EuiContextMenuItem key="settings" icon="gear" onClick={() => (setMenuOpen(false), props.onOpenSettings())} data-test-subj="assistantOpenSettings">
      {intl.formatMessage(t.settings)}
    </EuiContextMenuItem>,
  ];

  return (
    <div data-test-subj="assistantHeader">
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiButtonIcon iconType="list" aria-label={intl.formatMessage(t.toggleHistory)} onClick={props.onToggleHistory} data-test-subj="assistantToggleHistory" />
        </EuiFlexItem>
        <EuiFlexItem style={{ minWidth: 0 }}>
          <EuiInlineEditTitle
            key={props.conversation?.id ?? 'draft'}
            heading="h2"
            size="xs"
            defaultValue={props.conversation?.title ?? ''}
            placeholder={intl.formatMessage(t.untitled)}
            inputAriaLabel={intl.formatMessage(t.titleLabel)}
            isReadOnly={props.isDraft || props.streaming || props.readOnly}
            editModeProps={{ inputProps: { maxLength: 255 } }}
            onSave={(value) => props.onRename(value)}
            data-test-subj="assistantTitle"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false} style={{ width: 200 }}>
          <EuiSuperSelect
            compressed
            options={connectorOptions}
            valueOfSelected={props.connector?.id ?? ''}
            disabled={props.readOnly || props.streaming || props.connectors.length === 0}
            onChange={(value) => {
              if (value === ADD_CONNECTOR) props.onOpenSettings('connectors');
              else {
                const c = props.connectors.find((x) => x.id === value);
                if (c) props.onConnectorChange(c);
              }
            }}
            aria-label={intl.formatMessage(t.connector)}
            data-test-subj="assistantConnectorPicker"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiPopover
            isOpen={menuOpen}
            closePopover={() => setMenuOpen(false)}
            panelPaddingSize="none"
            anchorPosition="downRight"
            button={
              <EuiToolTip content={intl.formatMessage(t.moreActions)}>
                <EuiButtonIcon iconType="boxesHorizontal" aria-label={intl.formatMessage(t.moreActions)} onClick={() => setMenuOpen((o) => !o)} data-test-subj="assistantMoreMenu" />
              </EuiToolTip>
            }
          >
            <EuiContextMenuPanel items={menuItems} />
          </EuiPopover>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem>
          <EuiSuperSelect
            compressed
            fullWidth
            prepend={intl.formatMessage(t.systemPrompt)}
            options={promptOptions}
            valueOfSelected={props.systemPromptId ?? ''}
            disabled={props.readOnly || props.streaming}
            onChange={(value) => (value === NEW_PROMPT ? props.onOpenSettings('system_prompts') : props.onSystemPromptChange(value))}
            data-test-subj="assistantSystemPromptPicker"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      {confirm && (
        <EuiConfirmModal
          title={confirm === 'reset' ? intl.formatMessage(t.resetConfirm, { title }) : intl.formatMessage(t.deleteConfirmTitle, { title })}
          onCancel={() => setConfirm(undefined)}
          onConfirm={() => {
            setConfirm(undefined);
            if (confirm === 'reset') props.onReset();
            else props.onDelete();
          }}
          cancelButtonText={intl.formatMessage(t.cancel)}
          confirmButtonText={intl.formatMessage(confirm === 'reset' ? t.resetConversation : t.deleteConfirmButton)}
          buttonColor="danger"
          data-test-subj="assistantHeaderConfirm"
        />
      )}
    </div>
  );
}
