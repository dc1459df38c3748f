/**
 * Pure alert transformations for the status and tags APIs. Each returns the new `_source`, or
 * `undefined` when nothing would change (a noop, as update-by-query counts it).
 */
import { readField, readStringArray, writeFlatField, removeField } from '../../common/alert_fields';

type Source = Record<string, unknown>;

export interface StatusChange {
  status: 'open' | 'acknowledged' | 'in-progress' | 'closed';
  reason?: string;
  username: string;
  now: string;
}

export function applyStatusChange(source: Source, change: StatusChange): Source | undefined {
  const status = change.status === 'in-progress' ? 'acknowledged' : change.status;
  const currentStatus = readField(source, 'kibana.alert.workflow_status');
  const currentReason = readField(source, 'kibana.alert.workflow_reason');
  const nextReason = status === 'closed' ? change.reason : undefined;
  if (currentStatus === status && (status !== 'closed' || change.reason === undefined || currentReason === nextReason)) return undefined;
  const next = structuredClone(source);
  writeFlatField(next, 'kibana.alert.workflow_status', status);
  writeFlatField(next, 'kibana.alert.workflow_status_updated_at', change.now);
  writeFlatField(next, 'kibana.alert.workflow_user', change.username);
  if (status === 'closed') {
    if (nextReason !== undefined) writeFlatField(next, 'kibana.alert.workflow_reason', nextReason);
  } else {
    removeField(next, 'kibana.alert.workflow_reason');
  }
  return next;
}

export interface TagsChange {
  add: readonly string[];
  remove: readonly string[];
}

/** tags = (current ∪ add) ∖ remove, keeping the existing order and appending new tags. */
export function applyTagsChange(source: Source, change: TagsChange): Source | undefined {
  const current = readStringArray(source, 'kibana.alert.workflow_tags');
  const removeSet = new Set(change.remove);
  const next = [...new Set([...current, ...change.add])].filter((t) => !removeSet.has(t));
  if (next.length === current.length && next.every((t, i) => t === current[i])) return undefined;
  const out = structuredClone(source);
  writeFlatField(out, 'kibana.alert.workflow_tags', next);
  return out;
}
