import type { AlertFieldReader } from '../../workflows/field_access';
import { opt, suffix } from '../compose';
import type { NarrativeStrategy } from '../types';

/** Principal fields of the cloud audit logs, in the order they are tried. */
export const CLOUD_PRINCIPAL_FIELDS = [
  'aws.cloudtrail.user_identity.arn',
  'azure.auditlogs.properties.initiated_by.user.user_principal_name',
  'azure.activitylogs.identity.claims_initiated_by_user.name',
  'gcp.audit.authentication_info.principal_email',
] as const;

export const CLOUD_AUDIT_DATASETS = [
  'aws.cloudtrail',
  'azure.activitylogs',
  'azure.auditlogs',
  'azure.signinlogs',
  'gcp.audit',
] as const;

const cloudDataset = (alert: AlertFieldReader): string | undefined =>
  CLOUD_AUDIT_DATASETS.find((dataset) => alert.datasetIs(dataset));

function provider(alert: AlertFieldReader): string {
  const explicit = alert.text('cloud.provider');
  if (explicit !== undefined) return explicit;
  const dataset = cloudDataset(alert);
  return dataset === undefined ? 'cloud' : dataset.split('.')[0];
}

/**
 * Needs a cloud principal or a cloud audit dataset: `cloud.provider` alone is carried by endpoint alerts of cloud
 * VMs too, and must not hide their process detail.
 */
export const cloudStrategy: NarrativeStrategy = {
  id: 'cloud',
  priority: 60,
  matches: (alert) =>
    CLOUD_PRINCIPAL_FIELDS.some((field) => alert.has(field)) || cloudDataset(alert) !== undefined,
  render: (alert) =>
    `${provider(alert)} event` +
    opt(alert.text('event.action')) +
    opt(alert.firstText(...CLOUD_PRINCIPAL_FIELDS, 'user.name'), ' by ') +
    opt(alert.text('aws.cloudtrail.user_identity.type'), ' (', ')') +
    opt(alert.text('aws.cloudtrail.event_type'), ', event type ') +
    opt(alert.text('gcp.audit.method_name'), ', method ') +
    opt(alert.text('gcp.audit.resource_name'), ' on resource ') +
    opt(alert.text('cloud.service.name'), ', service ') +
    opt(alert.text('cloud.account.id'), ', account ') +
    opt(alert.text('cloud.region'), ', region ') +
    opt(alert.text('event.outcome'), ' with result ') +
    opt(alert.text('aws.cloudtrail.error_code'), ' (error: ', ')') +
    suffix(alert),
};
