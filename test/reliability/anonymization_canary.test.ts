/**
 * Issue 8/8, cross-surface canary: one alert whose anonymized fields carry canary values goes through the assistant
 * chat (as alert context, and named by the user) and through the preinstalled triage workflow. Every request the fake
 * LLM records, on both surfaces, must be free of every canary; the answers the UI shows (the chat's de-anonymized
 * stream, the workflow's verdict note) carry the real host name where the model echoed its token.
 */
import { createChatEventDecoder } from '../../common/chat';
import type { ChatStreamEvent } from '../../common/api/chat';
import { deanonymize } from '../../common/anonymization';
import { isTitleRequest } from '../../server/assistant/test_support/scripted_llm';
import {
  CANARY,
  canariesIn,
  echoHostTokenVerdict,
  notesOf,
  runValidation,
  startCanaryPlatform,
  type CanaryAlerts,
} from '../../server/workflows/anonymization/test_support/canary_workflow';
import { startFakeLlm, type FakeLlm, type RecordedRequest } from '../fake_llm';
import { type TestPlatform } from '../helpers';

jest.setTimeout(240_000);

const CHAT = '/api/security_ai_assistant/chat/complete';
const TOKEN = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';

let t: TestPlatform;
let llm: FakeLlm;
let alerts: CanaryAlerts;

/** The chat model answers by naming the host through the token its alert context line carried. */
function chatAnswer(request: RecordedRequest) {
  const token = new RegExp(`host\\.name,(${TOKEN})`).exec(request.rawBody)?.[1] ?? 'no-token-seen';
  return { content: `The backup on ${token} was started interactively; check who ran it.`, chunkSize: 9 };
}

async function streamChat(body: unknown): Promise<ChatStreamEvent[]> {
  const res = await fetch(`${t.url}${CHAT}`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`elastic:${t.password}`).toString('base64')}`,
      'kbn-xsrf': 'true',
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  if (!res.body) throw new Error('no stream');
  const decoder = createChatEventDecoder();
  const events: ChatStreamEvent[] = [];
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    events.push(...decoder.push(value));
  }
  return events;
}

beforeAll(async () => {
  llm = await startFakeLlm();
  ({ t, alerts } = await startCanaryPlatform(llm));
  const triage = echoHostTokenVerdict(alerts.relatedId);
  llm.setHandler((request) => {
    if (isTitleRequest(request)) return { content: 'Backup alert' };
    if (request.rawBody.includes('untrusted_alert_data')) return triage(request);
    return chatAnswer(request);
  });
});

afterAll(async () => {
  await t?.stop();
  await llm?.close();
});

describe('anonymization canary across the chat and the workflow', () => {
  it('no fake-LLM request on either surface carries a canary; both UI-facing answers are restored', async () => {
    // Chat: the alert as context, and the user typing two canaries themselves.
    const events = await streamChat({
      message: `Was ${CANARY.user} allowed to run a backup on ${CANARY.host}?`,
      contexts: [{ id: 'ctx-1', category: 'alert', description: 'Selected alert', source: { kind: 'alert', alertId: alerts.seedId } }],
    });
    const done = events.find((e): e is Extract<ChatStreamEvent, { type: 'done' }> => e.type === 'done');
    if (!done) throw new Error(`the chat did not finish: ${JSON.stringify(events.filter((e) => e.type === 'error'))}`);
    const streamed = events.flatMap((e) => (e.type === 'content' ? [e.payload] : [])).join('');
    const shown = deanonymize(streamed, done.replacements);
    expect(shown).toBe(`The backup on ${CANARY.host} was started interactively; check who ran it.`);
    expect(deanonymize(done.message.content, done.replacements)).toBe(shown);

    // Workflow: the preinstalled triage run on the same alert.
    const execution = await runValidation(t, [{ _id: alerts.seedId, _index: alerts.index }]);
    expect(execution.status).toBe('completed');
    const note = (await notesOf(t, alerts.seedId))[0] ?? '';
    expect(note).toContain(`Interactive backup on ${CANARY.host} copied the share`);

    // Both surfaces reached the model, and none of its requests carried a canary.
    const requests = llm.chatRequests();
    const triageRequests = requests.filter((r) => r.rawBody.includes('untrusted_alert_data'));
    const chatRequests = requests.filter((r) => !isTitleRequest(r) && !r.rawBody.includes('untrusted_alert_data'));
    expect(triageRequests).toHaveLength(1);
    expect(chatRequests.length).toBeGreaterThanOrEqual(1);
    expect(requests.map((r) => ({ seq: r.seq, canaries: canariesIn(r.rawBody) }))).toEqual(requests.map((r) => ({ seq: r.seq, canaries: [] })));
  });
});
