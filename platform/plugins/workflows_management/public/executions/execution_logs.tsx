/** Log entries of an execution or of one step record. */
import { EuiBasicTable, EuiCallOut, EuiHealth, type EuiBasicTableColumn } from '@elastic/eui';
import { useIntl } from 'react-intl';
import { useExecutionLogs, type ExecutionLogEntry } from '../api';
import { executionMessages } from './translations';

const LEVEL_COLORS: Record<ExecutionLogEntry['level'], string> = { debug: 'subdued', info: 'primary', warn: 'warning', error: 'danger' };

export function ExecutionLogs({ executionId, stepExecutionId, live }: { executionId: string; stepExecutionId?: string; live: boolean }) {
  const intl = useIntl();
  const logs = useExecutionLogs(executionId, stepExecutionId, live);
  if (logs.isError) {
    return (
      <EuiCallOut color="danger" size="s" iconType="error" title={intl.formatMessage(executionMessages.logsFailed)}>
        {logs.error.message}
      </EuiCallOut>
    );
  }
  const columns: Array<EuiBasicTableColumn<ExecutionLogEntry>> = [
    { field: 'timestamp', name: 'Time', width: '110px', render: (ts: string) => new Date(ts).toLocaleTimeString() },
    { field: 'level', name: 'Level', width: '80px', render: (level: ExecutionLogEntry['level']) => <EuiHealth color={LEVEL_COLORS[level]}>{level}</EuiHealth> },
    ...(stepExecutionId ? [] : [{ field: 'stepName', name: 'Step', width: '140px', render: (name: string | undefined) => name ?? '—' }]),
    { field: 'message', name: 'Message', render: (message: string) => <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{message}</span> },
  ];
  return (
    <EuiBasicTable
      items={logs.data?.logs ?? []}
      columns={columns}
      loading={logs.isFetching && !logs.data}
      noItemsMessage={logs.isSuccess ? intl.formatMessage(executionMessages.noLogs) : '…'}
      tableLayout="auto"
      compressed
      tableCaption={intl.formatMessage(executionMessages.executionLogs)}
      data-test-subj="executionLogs"
    />
  );
}
