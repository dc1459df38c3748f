/**
 * "Chat" in the alert details flyout (§1.1): opens a draft of type `alert` with the alert selected as context
 * and the suggested prompt in the composer, not sent. While the alert flyout is open the alert is also
 * offered as a context pill (registered on mount, unregistered on unmount).
 */
import { EuiButton } from '@elastic/eui';
import { useEffect, useMemo } from 'react';
import { IntlProvider, defineMessages, useIntl } from 'react-intl';
import type { AlertDetails } from '../../platform/plugins/security_solution/public';
import { alertPromptContext, alertTitle } from './context_prompts';
import type { AssistantService } from './service';

const m = defineMessages({ chat: { id: 'xpack.securityAiAssistant.alertFlyout.chat', defaultMessage: 'Chat' } });

function ChatButton({ service, alert }: { service: AssistantService; alert: AlertDetails }) {
  const intl = useIntl();
  const context = useMemo(() => alertPromptContext(alert), [alert]);
  useEffect(() => service.registerPromptContext(context), [service, context]);
  return (
    <EuiButton
      size="s"
      iconType="sparkles"
      onClick={() => service.open({ contexts: [context], prompt: context.suggestedUserPrompt, title: alertTitle(alert), conversationType: 'alert' })}
      data-test-subj="assistantAlertChat"
    >
      {intl.formatMessage(m.chat)}
    </EuiButton>
  );
}

export function createAlertChatAction(service: AssistantService) {
  return function AlertChatAction({ alert }: { alert: AlertDetails; closeFlyout(): void }) {
    return (
      <IntlProvider locale="en" defaultLocale="en">
        <ChatButton service={service} alert={alert} />
      </IntlProvider>
    );
  };
}
