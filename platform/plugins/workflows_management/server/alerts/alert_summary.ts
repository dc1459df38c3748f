import type { AlertSummary } from '../../common/api';
import { getString } from './alert_source';

/** One row of the run dialog's alert table (workflow-engine §6 `/internal/workflows/alerts/_search`). */
export function toAlertSummary(hit: { _id?: string | null; _index: string; _source?: unknown }): AlertSummary {
  const src = hit._source;
  const hostName = getString(src, 'host.name');
  const userName = getString(src, 'user.name');
  return {
    _id: hit._id ?? '',
    _index: hit._index,
    '@timestamp': getString(src, '@timestamp') ?? '',
    ruleName: getString(src, 'kibana.alert.rule.name') ?? '',
    severity: getString(src, 'kibana.alert.severity') ?? '',
    status: getString(src, 'kibana.alert.workflow_status') ?? '',
    reason: getString(src, 'kibana.alert.reason') ?? '',
    ...(hostName !== undefined ? { hostName } : {}),
    ...(userName !== undefined ? { userName } : {}),
  };
}
