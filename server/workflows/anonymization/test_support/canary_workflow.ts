import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { FakeHandler, FakeLlm, RecordedRequest } from '../../../../test/fake_llm';
import { startTestPlatform, type TestPlatform } from '../../../../test/helpers';
import { ensureAlertsIndex } from '../../../../platform/plugins/security_solution/server/alerts_index/ensure_alerts_index';
import { PREINSTALLED_WORKFLOWS } from '../../bootstrap';

/**
 * Test support for the workflow anonymization canary (issues 6/8 and 8/8): two alerts whose anonymized fields carry
 * canary values, linked by host.id and user.id so the triage graph relates them, and a fake-LLM handler that answers
 * the triage prompt by echoing the token it was given for the host name.
 */

export const CANARY = {
  host: 'canary-host-7q2x',
  user: 'canary-user-z9k',
  ip: '203.0.113.77',
  targetUser: 'canary-target-4w',
  relatedHost: 'canary-relhost-5k',
  relatedUser: 'canary-reluser-8m',
  relatedIp: '203.0.113.78',
  /** Same rule, unrelated entities: only reaches the prompt through the prevalence "top sources" list. */
  peerHost: 'canary-peerhost-3j',
  peerUser: 'canary-peeruser-6t',
} as const;

export const CANARY_VALUES: readonly string[] = Object.values(CANARY);

export const WORKFLOW_ID = PREINSTALLED_WORKFLOWS[0].id;
const SHIPPED_YAML = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'workflows', PREINSTALLED_WORKFLOWS[0].file), 'utf8');
/** The shipped workflow with short retry delays, so a failing path cannot stall a test. */
export const FAST_YAML = SHIPPED_YAML.replace(/delay: (5s|30s|1s)/g, 'delay: 10ms');

export interface CanaryAlerts {
  seedId: string;
  relatedId: string;
  index: string;
}

interface Entities {
  host: string;
  user: string;
  ip: string;
  hostId?: string;
  userId?: string;
}

function canaryAlert(spaceId: string, timestamp: string, { host, user, ip, hostId = 'canary-host-id-1', userId = 'S-1-5-21-1000-2000-3000-1104' }: Entities, extra: Record<string, unknown>) {
  return {
    '@timestamp': timestamp,
    'kibana.space_ids': [spaceId],
    'kibana.alert.rule.uuid': 'canary-rule-uuid-1',
    'kibana.alert.rule.rule_id': 'canary-backup-rule',
    'kibana.alert.rule.name': 'Backup Tool Run Interactively',
    'kibana.alert.rule.type': 'query',
    'kibana.alert.rule.description': 'Detects wbadmin started from an interactive session.',
    'kibana.alert.severity': 'medium',
    'kibana.alert.risk_score': 47,
    'kibana.alert.workflow_status': 'open',
    'kibana.alert.status': 'active',
    event: { kind: 'signal', category: ['process'], type: ['start'], action: 'start', outcome: 'success' },
    host: { name: host, id: hostId, ip: [ip], os: { name: 'Windows', version: '10' } },
    user: { name: user, id: userId, domain: 'CORP' },
    process: {
      name: 'wbadmin.exe',
      executable: 'C:\\Windows\\System32\\wbadmin.exe',
      command_line: `wbadmin start backup -backupTarget:\\\\${host}\\share -user:CORP\\${user}`,
      parent: { name: 'cmd.exe' },
    },
    message: `Backup started on ${host} by ${user}`,
    ...extra,
  };
}

/**
 * Indexes the seed alert, one related alert (same host.id and user.id, 10 minutes earlier) and one peer alert of the
 * same rule on other entities (3 hours earlier) in the space.
 */
export async function indexCanaryAlerts(es: Client, spaceId = 'default'): Promise<CanaryAlerts> {
  await ensureAlertsIndex(es, spaceId);
  const index = `.alerts-security.alerts-${spaceId}`;
  const seedId = randomBytes(32).toString('hex');
  const relatedId = randomBytes(32).toString('hex');
  const now = Date.now();
  await es.index({
    index,
    id: relatedId,
    document: canaryAlert(spaceId, new Date(now - 10 * 60_000).toISOString(), { host: CANARY.relatedHost, user: CANARY.relatedUser, ip: CANARY.relatedIp }, {}),
  });
  await es.index({
    index,
    id: randomBytes(32).toString('hex'),
    document: canaryAlert(spaceId, new Date(now - 3 * 60 * 60_000).toISOString(), { host: CANARY.peerHost, user: CANARY.peerUser, ip: '198.51.100.200', hostId: 'canary-peer-host-id', userId: 'S-1-5-21-1000-2000-3000-2222' },
      {},
    ),
  });
  const written = await es.index({
    index,
    id: seedId,
    document: canaryAlert(spaceId, new Date(now).toISOString(), { host: CANARY.host, user: CANARY.user, ip: CANARY.ip }, { 'user.target.name': CANARY.targetUser }),
    refresh: true,
  });
  // The concrete backing index: a run's alert references are read with mget, which does not resolve aliases.
  return { seedId, relatedId, index: written._index };
}

const TOKEN = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';

function userText(request: RecordedRequest): string {
  const body = request.body as { messages?: Array<{ role: string; content: unknown }> } | undefined;
  return (body?.messages ?? [])
    .filter((m) => m.role === 'user')
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
    .join('\n');
}

/** The token the triage prompt shows for the seed's host name (`- host.name: <token>`), if any. */
export function hostTokenOf(request: RecordedRequest): string | undefined {
  return new RegExp(`- host\\.name: (${TOKEN})`).exec(userText(request))?.[1];
}

/** Answers the triage prompt with a verdict whose rationale names the host by the token the model was given. */
export function echoHostTokenVerdict(relatedId: string): FakeHandler {
  return (request) => {
    const token = hostTokenOf(request) ?? 'no-token-seen';
    const text = userText(request);
    return {
      json: {
        classification: 'true_positive',
        confidence_score: 0.9,
        rationale: `Interactive backup on ${token} copied the share of another host.`,
        contributing_factors: [`Host ${token} ran wbadmin`],
        related_alert_ids: text.includes(relatedId) ? [relatedId] : [],
      },
    };
  };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits for the bootstrapper to install the preinstalled workflow, then swaps in the fast-retry YAML. */
/**
 * A platform with the triage workflow preinstalled, the fake LLM as its only connector, the canary alerts indexed
 * and the fast copy of the workflow installed.
 */
export async function startCanaryPlatform(llm: FakeLlm): Promise<{ t: TestPlatform; alerts: CanaryAlerts }> {
  const t = await startTestPlatform({
    plugins: ['securityAiAssistant', 'securitySolution', 'workflowsManagement', 'actions'],
    config: {
      'feature_flags.overrides': { 'securitySolution.preinstalledWorkflowsEnabled': true },
      'xpack.actions.preconfigured': {
        'fake-llm': {
          name: 'Fake LLM',
          actionTypeId: '.gen-ai',
          config: { apiProvider: 'Other', apiUrl: llm.baseUrl, defaultModel: 'fake-model' },
          secrets: {},
        },
      },
    },
  });
  const alerts = await indexCanaryAlerts(t.es);
  await installFastWorkflow(t);
  return { t, alerts };
}

export async function installFastWorkflow(t: TestPlatform): Promise<void> {
  await waitFor('the preinstalled workflow', async () => ((await t.get(`/api/workflows/workflow/${WORKFLOW_ID}`)).status === 200 ? true : undefined), 60_000);
  const res = await t.put(`/api/workflows/workflow/${WORKFLOW_ID}`, { yaml: FAST_YAML });
  if (res.status !== 200) throw new Error(`updating the workflow failed with ${res.status}: ${res.text}`);
}

export interface CanaryExecution {
  status: string;
  stepExecutions: Array<{ stepId: string; status: string; output?: unknown; error?: { message: string } }>;
}

/** `POST /api/workflows/workflow/{id}/run` on the alerts, then waits for a terminal status. */
export async function runValidation(t: TestPlatform, alerts: Array<{ _id: string; _index: string }>): Promise<CanaryExecution> {
  const res = await t.post<{ workflowExecutionId: string }>(`/api/workflows/workflow/${WORKFLOW_ID}/run`, {
    inputs: { event: { triggerType: 'alert', alertIds: alerts } },
  });
  if (res.status !== 200) throw new Error(`run failed with ${res.status}: ${res.text}`);
  const id = res.body.workflowExecutionId;
  return waitFor(
    `execution ${id}`,
    async () => {
      const e = await t.get<CanaryExecution>(`/api/workflows/executions/${id}`);
      return ['completed', 'failed', 'cancelled', 'timed_out', 'skipped'].includes(e.body.status) ? e.body : undefined;
    },
    180_000,
  );
}

export async function notesOf(t: TestPlatform, alertId: string): Promise<string[]> {
  const res = await t.get<{ notes: Array<{ note: string }> }>(`/api/note?documentIds=${encodeURIComponent(alertId)}`);
  return (res.body.notes ?? []).map((n) => n.note);
}

/** The canary values a text still contains (case-insensitive). */
export const canariesIn = (text: string): string[] => CANARY_VALUES.filter((value) => text.toLowerCase().includes(value.toLowerCase()));
