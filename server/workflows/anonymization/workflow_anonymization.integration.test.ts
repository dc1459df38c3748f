/**
 * Issue 6/8 end to end: the preinstalled triage workflow, run through `POST /api/workflows/workflow/{id}/run` on an
 * alert whose anonymized fields carry canary values, never sends a canary to the (fake) LLM, while the verdict note
 * written from the model's answer shows the real host name where the model echoed its token.
 */
import { startFakeLlm, type FakeLlm } from '../../../test/fake_llm';
import { type TestPlatform } from '../../../test/helpers';
import {
  CANARY,
  canariesIn,
  echoHostTokenVerdict,
  hostTokenOf,
  indexCanaryAlerts,
  notesOf,
  runValidation,
  startCanaryPlatform,
  type CanaryAlerts,
} from './test_support/canary_workflow';

jest.setTimeout(240_000);

let t: TestPlatform;
let llm: FakeLlm;
let alerts: CanaryAlerts;

beforeAll(async () => {
  llm = await startFakeLlm();
  ({ t, alerts } = await startCanaryPlatform(llm));
});

afterAll(async () => {
  await t?.stop();
  await llm?.close();
});

beforeEach(() => llm.reset());

describe('workflow AI steps never send an anonymized value (security guard)', () => {
  it('the triage prompt carries tokens for the seed and related alert values; the note shows the real host', async () => {
    llm.setHandler(echoHostTokenVerdict(alerts.relatedId));
    const execution = await runValidation(t, [{ _id: alerts.seedId, _index: alerts.index }]);
    expect(execution.status).toBe('completed');
    expect(execution.stepExecutions.find((s) => s.stepId === 'run_agent')).toMatchObject({ status: 'completed' });

    const requests = llm.chatRequests();
    expect(requests).toHaveLength(1);
    for (const request of requests) expect(canariesIn(request.rawBody)).toEqual([]);
    // The prompt still had what the model needs: the seed alert, the related alert found by the graph, and tokens.
    const raw = requests[0].rawBody;
    expect(raw).toContain(alerts.seedId);
    expect(raw).toContain(alerts.relatedId);
    expect(raw).toContain('wbadmin');
    const hostToken = hostTokenOf(requests[0]);
    expect(hostToken).toBeDefined();
    // The prevalence line names hosts of other alerts of the rule (the peer's included) by token only.
    const topSources = /Top sources: ([^.]*)\./.exec(String((requests[0].body as { messages: Array<{ content: string }> }).messages[1]?.content))?.[1] ?? '';
    expect(topSources.match(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} \(\d+\)/g)).toHaveLength(3);

    const notes = await notesOf(t, alerts.seedId);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`Interactive backup on ${CANARY.host} copied the share`);
    expect(notes[0]).toContain(`Host ${CANARY.host} ran wbadmin`);
    expect(notes[0]).toContain(alerts.relatedId);
    // The model only ever saw the token; the note (links carry execution and conversation UUIDs) never shows it.
    expect(notes[0]).not.toContain(String(hostToken));
  });

  it('a field the space denies is [REDACTED] in the prompt', async () => {
    const find = await t.get<{ data: Array<{ id: string; field: string }> }>('/api/security_ai_assistant/anonymization_fields/_find?per_page=1000');
    expect(find.status).toBe(200);
    const row = find.body.data.find((f) => f.field === 'user.name');
    if (!row) throw new Error('user.name row missing');
    const bulk = await t.post('/api/security_ai_assistant/anonymization_fields/_bulk_action', { update: [{ id: row.id, allowed: false, anonymized: false }] });
    expect(bulk.status).toBe(200);
    try {
      const fresh = await indexCanaryAlerts(t.es);
      llm.setHandler(echoHostTokenVerdict(fresh.relatedId));
      const execution = await runValidation(t, [{ _id: fresh.seedId, _index: fresh.index }]);
      expect(execution.status).toBe('completed');
      const raw = llm.chatRequests()[0].rawBody;
      expect(canariesIn(raw)).toEqual([]);
      expect(raw).toContain('- user.name: [REDACTED]');
    } finally {
      await t.post('/api/security_ai_assistant/anonymization_fields/_bulk_action', { update: [{ id: row.id, allowed: true, anonymized: true }] });
    }
  });
});
