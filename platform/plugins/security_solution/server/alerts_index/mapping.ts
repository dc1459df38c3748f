/**
 * The explicit alerts mapping: alert-as-data `kibana.*` fields plus the ECS fields of the source events.
 * No `nested` type (nested fields are invisible to plain queries); `dynamic: false` like Elastic's alerts
 * indices, so unexpected fields stay in `_source` without growing the mapping.
 */
type FieldType = 'keyword' | 'text' | 'date' | 'long' | 'float' | 'boolean' | 'ip' | 'object' | 'flattened';

const K = 'keyword';

/** [path, type] for every mapped leaf; `keyword+text` adds a `.text` multi-field for free-text search. */
const FIELDS: ReadonlyArray<readonly [string, FieldType | 'keyword+text']> = [
  ['@timestamp', 'date'],
  ['message', 'text'],
  ['tags', K],
  ['ecs.version', K],
  // Alerts-as-data
  ['kibana.alert.uuid', K],
  ['kibana.alert.start', 'date'],
  ['kibana.alert.last_detected', 'date'],
  ['kibana.alert.original_time', 'date'],
  ['kibana.alert.status', K],
  ['kibana.alert.workflow_status', K],
  ['kibana.alert.workflow_status_updated_at', 'date'],
  ['kibana.alert.workflow_user', K],
  ['kibana.alert.workflow_reason', K],
  ['kibana.alert.workflow_tags', K],
  ['kibana.alert.severity', K],
  ['kibana.alert.risk_score', 'float'],
  ['kibana.alert.reason', 'keyword+text'],
  ['kibana.alert.depth', 'long'],
  ['kibana.alert.anomaly_score', 'float'],
  ['kibana.alert.building_block_type', K],
  ['kibana.alert.threshold_result.count', 'long'],
  ['kibana.alert.threshold_result.terms.field', K],
  ['kibana.alert.threshold_result.terms.value', K],
  ['kibana.alert.ancestors.id', K],
  ['kibana.alert.ancestors.type', K],
  ['kibana.alert.ancestors.index', K],
  ['kibana.alert.ancestors.depth', 'long'],
  ['kibana.alert.original_event.kind', K],
  ['kibana.alert.original_event.category', K],
  ['kibana.alert.original_event.type', K],
  ['kibana.alert.original_event.action', K],
  ['kibana.alert.original_event.outcome', K],
  ['kibana.alert.original_event.dataset', K],
  ['kibana.alert.original_event.module', K],
  ['kibana.alert.rule.uuid', K],
  ['kibana.alert.rule.rule_id', K],
  ['kibana.alert.rule.name', 'keyword+text'],
  ['kibana.alert.rule.description', 'text'],
  ['kibana.alert.rule.type', K],
  ['kibana.alert.rule.rule_type_id', K],
  ['kibana.alert.rule.category', K],
  ['kibana.alert.rule.severity', K],
  ['kibana.alert.rule.risk_score', 'float'],
  ['kibana.alert.rule.references', K],
  ['kibana.alert.rule.tags', K],
  ['kibana.alert.rule.consumer', K],
  ['kibana.alert.rule.producer', K],
  ['kibana.alert.rule.enabled', 'boolean'],
  ['kibana.alert.rule.interval', K],
  ['kibana.alert.rule.from', K],
  ['kibana.alert.rule.version', 'long'],
  ['kibana.alert.rule.threat.framework', K],
  ['kibana.alert.rule.threat.tactic.id', K],
  ['kibana.alert.rule.threat.tactic.name', K],
  ['kibana.alert.rule.threat.tactic.reference', K],
  ['kibana.alert.rule.threat.technique.id', K],
  ['kibana.alert.rule.threat.technique.name', K],
  ['kibana.alert.rule.threat.technique.reference', K],
  ['kibana.alert.rule.threat.technique.subtechnique.id', K],
  ['kibana.alert.rule.threat.technique.subtechnique.name', K],
  ['kibana.alert.rule.threat.technique.subtechnique.reference', K],
  ['kibana.alert.rule.parameters.machine_learning_job_id', K],
  ['kibana.alert.rule.parameters.anomaly_threshold', 'long'],
  ['kibana.space_ids', K],
  ['kibana.version', K],
  // ECS
  ['event.kind', K],
  ['event.category', K],
  ['event.type', K],
  ['event.action', K],
  ['event.outcome', K],
  ['event.dataset', K],
  ['event.module', K],
  ['event.code', K],
  ['event.id', K],
  ['event.provider', K],
  ['host.name', K],
  ['host.hostname', K],
  ['host.id', K],
  ['host.ip', 'ip'],
  ['host.mac', K],
  ['host.architecture', K],
  ['host.os.family', K],
  ['host.os.name', K],
  ['host.os.full', K],
  ['host.os.version', K],
  ['host.os.platform', K],
  ['host.os.type', K],
  ['host.os.kernel', K],
  ['agent.id', K],
  ['agent.type', K],
  ['agent.version', K],
  ['agent.name', K],
  ['user.name', K],
  ['user.id', K],
  ['user.domain', K],
  ['user.effective.name', K],
  ['user.effective.id', K],
  ['user.target.name', K],
  ['process.entity_id', K],
  ['process.pid', 'long'],
  ['process.name', K],
  ['process.executable', K],
  ['process.args', K],
  ['process.args_count', 'long'],
  ['process.command_line', 'keyword+text'],
  ['process.working_directory', K],
  ['process.hash.sha256', K],
  ['process.hash.md5', K],
  ['process.parent.entity_id', K],
  ['process.parent.pid', 'long'],
  ['process.parent.name', K],
  ['process.parent.executable', K],
  ['process.parent.args', K],
  ['process.parent.command_line', 'keyword+text'],
  ['Target.process.name', K],
  ['Target.process.pid', 'long'],
  ['file.path', K],
  ['file.name', K],
  ['file.directory', K],
  ['file.extension', K],
  ['file.size', 'long'],
  ['file.hash.sha256', K],
  ['registry.path', K],
  ['registry.key', K],
  ['registry.value', K],
  ['registry.hive', K],
  ['registry.data.strings', K],
  ['registry.data.type', K],
  ['dns.question.name', K],
  ['dns.question.type', K],
  ['dns.question.registered_domain', K],
  ['dns.resolved_ip', 'ip'],
  ['dns.response_code', K],
  ['source.ip', 'ip'],
  ['source.port', 'long'],
  ['source.geo.country_iso_code', K],
  ['source.geo.city_name', K],
  ['source.as.organization.name', K],
  ['destination.ip', 'ip'],
  ['destination.port', 'long'],
  ['destination.geo.country_iso_code', K],
  ['destination.geo.city_name', K],
  ['destination.as.number', 'long'],
  ['destination.as.organization.name', K],
  ['network.transport', K],
  ['network.protocol', K],
  ['network.direction', K],
  ['network.bytes', 'long'],
  ['observer.vendor', K],
  ['observer.product', K],
  ['user_agent.original', K],
  ['cloud.provider', K],
  ['cloud.region', K],
  ['cloud.account.id', K],
  ['cloud.instance.id', K],
  ['cloud.service.name', K],
  ['aws.cloudtrail.event_type', K],
  ['aws.cloudtrail.user_identity.type', K],
  ['aws.cloudtrail.user_identity.arn', K],
  ['aws.cloudtrail.user_identity.access_key_id', K],
  ['aws.cloudtrail.request_parameters', K],
  ['aws.cloudtrail.error_code', K],
  ['aws.cloudtrail.flattened', 'flattened'],
  ['threat.feed.name', K],
  ['threat.indicator.ip', 'ip'],
  ['threat.indicator.type', K],
  ['threat.indicator.provider', K],
  ['threat.indicator.confidence', K],
  ['threat.indicator.first_seen', 'date'],
  ['threat.indicator.description', 'text'],
  ['threat.indicator.matched.atomic', K],
  ['threat.indicator.matched.field', K],
  ['threat.indicator.matched.type', K],
  ['threat.indicator.matched.index', K],
  ['service.name', K],
];

type Properties = Record<string, Record<string, unknown>>;

function leafMapping(type: FieldType | 'keyword+text'): Record<string, unknown> {
  if (type === 'keyword+text') return { type: 'keyword', ignore_above: 1024, fields: { text: { type: 'text' } } };
  if (type === 'keyword') return { type: 'keyword', ignore_above: 1024 };
  return { type };
}

function buildProperties(): Properties {
  const root: Properties = {};
  for (const [path, type] of FIELDS) {
    const parts = path.split('.');
    let props = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        props[part] = leafMapping(type);
        return;
      }
      const obj = (props[part] ??= { properties: {} });
      props = obj.properties as Properties;
    });
  }
  return root;
}

export const ALERTS_MAPPINGS = { dynamic: false, properties: buildProperties() } as const;

export const ALERTS_INDEX_SETTINGS = {
  'index.hidden': true,
  'index.number_of_shards': 1,
  'index.number_of_replicas': 0,
  'index.max_result_window': 10_000,
} as const;

/** Every mapped leaf path (for tests and the all-fields table's "mapped" marker). */
export const MAPPED_ALERT_FIELDS: readonly string[] = FIELDS.map(([path]) => path);
