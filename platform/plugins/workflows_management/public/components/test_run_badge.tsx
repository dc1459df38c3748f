/** The flask badge that marks test runs (`isTestRun`, §7). */
import { EuiBadge } from '@elastic/eui';
import { FormattedMessage } from 'react-intl';

export function TestRunBadge() {
  return (
    <EuiBadge color="hollow" iconType="flask" data-test-subj="testRunBadge">
      <FormattedMessage id="workflows.testRunBadge" defaultMessage="Test run" />
    </EuiBadge>
  );
}
