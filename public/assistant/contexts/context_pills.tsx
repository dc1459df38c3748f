/** §1.4: unselected contexts as pills; each selected one as an accordion with its anonymization editor. */
import { EuiAccordion, EuiBadge, EuiButtonIcon, EuiFlexGroup, EuiFlexItem, EuiLoadingSpinner, EuiPanel, EuiText } from '@elastic/eui';
import { useIntl } from 'react-intl';
import { useAnonymizationPolicy, useCapabilities } from '../../api';
import { MAX_CONTEXTS_PER_MESSAGE, useAssistantService, useAssistantState } from '../service';
import { messages as t } from '../translations';
import { AnonymizationEditor } from './anonymization_editor';

export function ContextPills({ conversationKey }: { conversationKey: string }) {
  const intl = useIntl();
  const service = useAssistantService();
  const registered = useAssistantState((s) => s.registeredContexts);
  const selected = useAssistantState((s) => s.selectedContexts[conversationKey]);
  const policy = useAnonymizationPolicy();
  const capabilities = useCapabilities();
  const selectedList = selected ?? [];
  const unselected = registered.filter((c) => !selectedList.some((s) => s.context.id === c.id));
  if (registered.length === 0 && selectedList.length === 0) return null;

  return (
    <div data-test-subj="assistantContexts">
      {unselected.length > 0 && (
        <EuiFlexGroup gutterSize="xs" wrap responsive={false}>
          {unselected.map((c) => (
            <EuiFlexItem grow={false} key={c.id}>
              <EuiBadge
                color="hollow"
                iconType="plusInCircle"
                onClick={() => service.selectContext(conversationKey, c)}
                onClickAriaLabel={intl.formatMessage(t.contextPill, { description: c.description })}
                isDisabled={selectedList.length >= MAX_CONTEXTS_PER_MESSAGE}
                data-test-subj={`assistantContextPill-${c.id}`}
              >
                {c.description}
              </EuiBadge>
            </EuiFlexItem>
          ))}
        </EuiFlexGroup>
      )}
      {selectedList.map(({ context, data, overrides }) => (
        <EuiPanel key={context.id} paddingSize="s" hasBorder data-test-subj={`assistantSelectedContext-${context.id}`}>
          <EuiAccordion
            id={`assistantContext-${context.id}`}
            buttonContent={
              <EuiText size="s">
                <strong>{context.description}</strong> <EuiBadge>{context.category}</EuiBadge>
              </EuiText>
            }
            extraAction={
              <EuiButtonIcon
                iconType="cross"
                aria-label={intl.formatMessage(t.removeContext, { description: context.description })}
                onClick={() => service.removeContext(conversationKey, context.id)}
                data-test-subj="assistantRemoveContext"
              />
            }
          >
            {data === undefined || policy.isLoading ? (
              <EuiLoadingSpinner size="m" aria-label={intl.formatMessage(t.loadingContext)} />
            ) : typeof data === 'string' ? (
              <EuiText size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {data}
              </EuiText>
            ) : (
              <AnonymizationEditor
                data={data}
                policy={policy.data ?? []}
                overrides={overrides}
                canLoosen={capabilities.data?.updateAnonymization === true}
                onChange={(next) => service.setContextOverrides(conversationKey, context.id, next)}
              />
            )}
          </EuiAccordion>
        </EuiPanel>
      ))}
    </div>
  );
}
