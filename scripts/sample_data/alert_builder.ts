/** Turns an `AlertSpec` into an Elastic Security alert document (alerts-as-data shape). */
import type { Prng } from './prng';
import { RULE_CATEGORY, RULE_TYPE_ID, ruleUuid } from './rules';
import type { AlertDocument, AlertSpec, RuleDef } from './types';

const ruleUuids = new Map<RuleDef, string>();
function cachedRuleUuid(rule: RuleDef): string {
  let id = ruleUuids.get(rule);
  if (!id) {
    id = ruleUuid(rule);
    ruleUuids.set(rule, id);
  }
  return id;
}

export const KIBANA_VERSION = '9.1.0';

function get(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.length > 0) return str(value[0]);
  return undefined;
}

/** The reason line Elastic Security writes: "<category> event with ... by <user> on <host> created <sev> alert <rule>." */
export function buildReason(spec: AlertSpec): string {
  const ecs = spec.ecs;
  const category = str(get(ecs, 'event.category')) ?? 'alert';
  const items: string[] = [];
  const proc = str(get(ecs, 'process.name'));
  if (proc) items.push(`process ${proc}`);
  const parent = str(get(ecs, 'process.parent.name'));
  if (parent) items.push(`parent process ${parent}`);
  const file = str(get(ecs, 'file.name'));
  if (file) items.push(`file ${file}`);
  const src = str(get(ecs, 'source.ip'));
  if (src) items.push(`source ${src}:${str(get(ecs, 'source.port')) ?? ''}`.replace(/:$/, ''));
  const dst = str(get(ecs, 'destination.ip'));
  if (dst) items.push(`destination ${dst}:${str(get(ecs, 'destination.port')) ?? ''}`.replace(/:$/, ''));
  let out = `${category} event`;
  if (items.length > 0) out += ` with ${items.join(', ')},`;
  const user = str(get(ecs, 'user.name'));
  if (user) out += ` by ${user}`;
  const host = str(get(ecs, 'host.name'));
  if (host) out += ` on ${host}`;
  return `${out.replace(/,$/, '')} created ${spec.rule.severity} alert ${spec.rule.name}.`;
}

export function buildAlertDocument(prng: Prng, spec: AlertSpec, spaceId: string): { id: string; doc: AlertDocument } {
  const id = prng.hex(64);
  const { rule } = spec;
  const ts = new Date(spec.timestamp).toISOString();
  // The rule runs a little after the source event happened.
  const detected = new Date(spec.timestamp + prng.int(5_000, 300_000)).toISOString();
  const workflow = spec.workflow ?? { status: 'open' as const };
  const ecsEvent = (spec.ecs.event ?? {}) as Record<string, unknown>;

  const doc: AlertDocument = {
    '@timestamp': detected,
    'kibana.alert.uuid': id,
    'kibana.alert.start': detected,
    'kibana.alert.last_detected': detected,
    'kibana.alert.original_time': ts,
    'kibana.alert.status': 'active',
    'kibana.alert.workflow_status': workflow.status,
    'kibana.alert.workflow_tags': workflow.tags ?? [],
    'kibana.alert.severity': rule.severity,
    'kibana.alert.risk_score': rule.riskScore,
    'kibana.alert.reason': spec.reason ?? buildReason(spec),
    'kibana.alert.depth': 1,
    'kibana.alert.rule.uuid': cachedRuleUuid(rule),
    'kibana.alert.rule.rule_id': rule.ruleId,
    'kibana.alert.rule.name': rule.name,
    'kibana.alert.rule.description': rule.description,
    'kibana.alert.rule.type': rule.type,
    'kibana.alert.rule.rule_type_id': RULE_TYPE_ID[rule.type],
    'kibana.alert.rule.category': RULE_CATEGORY[rule.type],
    'kibana.alert.rule.severity': rule.severity,
    'kibana.alert.rule.risk_score': rule.riskScore,
    'kibana.alert.rule.references': rule.references,
    'kibana.alert.rule.threat': rule.threat,
    'kibana.alert.rule.tags': rule.tags,
    'kibana.alert.rule.consumer': 'siem',
    'kibana.alert.rule.producer': 'siem',
    'kibana.alert.rule.enabled': true,
    'kibana.alert.rule.interval': '5m',
    'kibana.alert.rule.from': 'now-6m',
    'kibana.alert.rule.version': 1,
    'kibana.space_ids': [spaceId],
    'kibana.version': KIBANA_VERSION,
    'kibana.alert.ancestors': spec.sparse
      ? []
      : [{ id: prng.hex(20), type: 'event', index: `.ds-logs-${String(ecsEvent.dataset ?? 'generic')}-default`, depth: 0 }],
  };
  if (workflow.status !== 'open') {
    doc['kibana.alert.workflow_status_updated_at'] = new Date(workflow.updatedAt ?? spec.timestamp + 3_600_000).toISOString();
    doc['kibana.alert.workflow_user'] = workflow.user ?? 'soc-analyst';
  }
  if (workflow.status === 'closed' && workflow.reason) doc['kibana.alert.workflow_reason'] = workflow.reason;
  if (!spec.sparse) {
    for (const key of ['kind', 'category', 'type', 'action', 'outcome', 'dataset', 'module']) {
      const v = key === 'kind' ? 'event' : ecsEvent[key];
      if (v !== undefined) doc[`kibana.alert.original_event.${key}`] = v;
    }
  }
  Object.assign(doc, spec.extra ?? {});
  // ECS parts stay nested objects; event.kind is always "signal" on an alert.
  for (const [key, value] of Object.entries(spec.ecs)) doc[key] = value;
  doc.event = { ...ecsEvent, kind: 'signal' };
  doc.ecs = { version: '8.11.0' };
  return { id, doc };
}
