import type { BuildAlertEntityGraphRawInput } from './schema';

/**
 * The graph settings of the `security.alert.validation` workflow (triage-steps §6.2 i). `host.id` is scored instead
 * of `agent.id` because one agent can forward logs for many hosts; shared service identities, loopback and cloud
 * metadata IPs are ignored so they never link unrelated alerts.
 */
export const TRIAGE_GRAPH_ENTITY_FIELDS: NonNullable<BuildAlertEntityGraphRawInput['entity_fields']> = [
  { field: 'process.entity_id', score: 5 },
  { field: 'host.id', score: 4 },
  { field: 'entity.id', score: 4 },
  { field: 'user.id', score: 4 },
  { field: 'aws.cloudtrail.user_identity.arn', score: 3 },
  { field: 'azure.auditlogs.properties.initiated_by.user.user_principal_name', score: 3 },
  { field: 'gcp.audit.authentication_info.principal_email', score: 3 },
  { field: 'service.id', score: 2 },
  { field: 'container.id', score: 2 },
  { field: 'user.name', score: 1 },
  { field: 'related.user', score: 1 },
  { field: 'host.name', score: 1 },
  { field: 'host.hostname', score: 1 },
  { field: 'source.ip', score: 1, aliases: [{ field: 'destination.ip', score: 4 }] },
  { field: 'destination.ip', score: 1, aliases: [{ field: 'source.ip', score: 4 }] },
];

const LOCAL_IPS = ['::1', '127.0.0.1', '0.0.0.0', '169.254.169.254', 'fe80::1'];

export const TRIAGE_GRAPH_IGNORE_ENTITIES: NonNullable<BuildAlertEntityGraphRawInput['ignore_entities']> = [
  { field: 'user.id', values: ['S-1-5-18', 'S-1-5-19', 'S-1-5-20', '0'] },
  { field: 'source.ip', values: LOCAL_IPS },
  { field: 'destination.ip', values: LOCAL_IPS },
  { field: 'user.name', values: ['SYSTEM', 'root', 'Administrator', 'LOCAL SERVICE', 'NETWORK SERVICE'] },
];

/** The workflow consts `graph_min_entity_score`, `graph_max_depth`, `graph_max_alerts`. */
export const TRIAGE_GRAPH_LIMITS = { min_entity_score: 6, max_depth: 20, max_alerts: 21 } as const;
