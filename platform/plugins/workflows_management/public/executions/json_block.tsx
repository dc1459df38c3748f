/** Pretty JSON with a copy button, cut at 1 MB. */
import { EuiCallOut, EuiCodeBlock, EuiSpacer, EuiText } from '@elastic/eui';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { formatBytes, formatJsonForDisplay } from '../lib/format_json';
import { executionMessages } from './translations';

export function JsonBlock({ value, testSubj }: { value: unknown; testSubj: string }) {
  const intl = useIntl();
  const formatted = useMemo(() => formatJsonForDisplay(value), [value]);
  if (value === undefined || value === null) {
    return (
      <EuiText size="s" color="subdued" data-test-subj={`${testSubj}-empty`}>
        {intl.formatMessage(executionMessages.noValue)}
      </EuiText>
    );
  }
  return (
    <>
      {formatted.truncated && (
        <>
          <EuiCallOut size="s" color="warning" iconType="warning" title={intl.formatMessage(executionMessages.truncated, { size: formatBytes(formatted.bytes) })} />
          <EuiSpacer size="s" />
        </>
      )}
      <EuiCodeBlock language="json" isCopyable overflowHeight={480} paddingSize="s" fontSize="s" data-test-subj={testSubj}>
        {formatted.text}
      </EuiCodeBlock>
    </>
  );
}
