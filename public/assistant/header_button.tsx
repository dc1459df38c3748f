/** "AI Assistant" button for the Security app's header action slot: toggles the flyout. */
import { EuiButtonEmpty } from '@elastic/eui';
import { IntlProvider, useIntl } from 'react-intl';
import type { AssistantService } from './service';
import { messages as t } from './translations';

function Button({ service }: { service: AssistantService }) {
  const intl = useIntl();
  return (
    <EuiButtonEmpty iconType="sparkles" onClick={() => service.toggle()} data-test-subj="assistantHeaderButton">
      {intl.formatMessage(t.headerButton)}
    </EuiButtonEmpty>
  );
}

export function createHeaderButton(service: AssistantService) {
  return function AssistantHeaderButton() {
    return (
      <IntlProvider locale="en" defaultLocale="en">
        <Button service={service} />
      </IntlProvider>
    );
  };
}
