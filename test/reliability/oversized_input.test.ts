/**
 * Bad input (issue 8/8): an oversized alert (5 MB of fields, one 1 MB command line) and oversized chat prompts and
 * contexts. Nothing fails with a 5xx and nothing is sent whole: the triage workflow's LLM request and the assistant's
 * LLM request stay bounded and carry a visible truncation marker (`…[truncated]`, `…[truncated N chars]`,
 * `…[+N chars]`, `_omitted_fields,N`), the narrative step's output is bounded, and a user message over the model's
 * budget is refused with a clear 400 (assistant spec §8.6) instead of being cut silently.
 */
import { MAX_CHAT_MESSAGE_LENGTH, MAX_CONTEXT_TEXT_LENGTH } from '../../common/api/chat';
import { oneStepWorkflowYaml, testRun } from './helpers/bad_input_workflows';
import { startTriageHarness, userMessageOf, type AlertRef, type TriageHarness } from './helpers/bad_input_triage';

jest.setTimeout(180_000);

const CHAT = '/api/security_ai_assistant/chat/complete';
const MB = 1024 * 1024;
const TRUNCATION_MARKER = /…\[truncated( \d+ chars)?\]|…\[\+\d+ chars\]|_omitted_fields,\d+/;

let h: TriageHarness;
/** 1 MB command line (twice): the workflow run. */
let big: AlertRef;
/** 5 MB of fields plus the 1 MB command lines: the chat context and the narrative step. */
let huge: AlertRef;
const statuses: number[] = [];

/** A 1 MB command line with a recognisable head and tail; `blobs` adds 5 MB of extra fields in 50 values of 100 KB. */
function oversizedFields(blobs: boolean): Record<string, unknown> {
  const custom: Record<string, string> = {};
  if (blobs) for (let i = 0; i < 50; i++) custom[`blob_${i}`] = `blob${i}-`.padEnd(100 * 1024, 'z');
  const commandLine = `powershell.exe -NoProfile -EncodedCommand HEAD_OF_COMMAND ${'A'.repeat(MB)} TAIL_OF_COMMAND`;
  return { ...(blobs ? { custom } : {}), process: { name: 'powershell.exe', command_line: commandLine, parent: { name: 'winword.exe', command_line: commandLine } } };
}

beforeAll(async () => {
  h = await startTriageHarness({ openAlerts: 2, seed: 31 });
  [big, huge] = h.openAlerts;
  await h.rewriteAlert(big, oversizedFields(false));
  await h.rewriteAlert(huge, oversizedFields(true));
});

afterAll(async () => {
  // eslint-disable-next-line no-console
  console.log(`oversized input: ${statuses.length} requests, statuses ${JSON.stringify(statuses)}, ${statuses.filter((s) => s >= 500).length} 5xx`);
  await h?.stop();
});

beforeEach(() => h.llm.reset());

describe('oversized alert through the triage workflow', () => {
  it('the LLM request is bounded and marks the cuts; the run completes and the note is written', async () => {
    h.llm.setHandler(() => ({
      json: { classification: 'true_positive', confidence_score: 0.9, rationale: 'Encoded PowerShell from Word.', contributing_factors: [], related_alert_ids: [] },
    }));
    const started = Date.now();
    const execution = await h.runOn([big]);
    const ms = Date.now() - started;
    expect({ status: execution.status, error: execution.error }).toEqual({ status: 'completed', error: undefined });
    const requests = h.llm.chatRequests();
    expect(requests.length).toBe(1);
    const bytes = requests[0].rawBody.length;
    const prompt = userMessageOf(requests[0]);
    // The command line's head reaches the model, its megabyte of payload and its tail do not.
    expect(prompt).toContain('HEAD_OF_COMMAND');
    expect(prompt).not.toContain('TAIL_OF_COMMAND');
    expect(prompt).toContain('…[truncated]');
    expect(prompt).toMatch(/…\[truncated \d+ chars\]/);
    expect(bytes).toBeLessThan(200 * 1024);
    const note = (await h.notesOf(big._id))[0] ?? '';
    expect(note).toContain('## Automated Alert Analysis');
    expect(note.length).toBeLessThan(64 * 1024);
    // eslint-disable-next-line no-console
    console.log(`oversized alert (two 1 MB command lines): workflow run ${ms} ms, LLM request ${bytes} B, note ${note.length} chars`);
  });

  it('security.renderAlertNarrative bounds every field value of a huge alert', async () => {
    const { response, execution } = await testRun(h.tp, oneStepWorkflowYaml('security.renderAlertNarrative', { alertId: huge._id }));
    statuses.push(response.status);
    expect(response.status).toBe(200);
    expect(execution?.status).toBe('completed');
    const step = execution?.stepExecutions.find((s) => s.stepId === 'fuzzed_step');
    const output = step?.output as { timeline_string: string } | undefined;
    expect(output?.timeline_string.length).toBeGreaterThan(0);
    expect(output?.timeline_string.length).toBeLessThan(4096);
    expect(output?.timeline_string).not.toContain('TAIL_OF_COMMAND');
    expect(JSON.stringify(step?.output).length).toBeLessThan(16 * 1024);
  });
});

describe('oversized chat prompt and contexts', () => {
  async function chat(body: Record<string, unknown>) {
    const res = await h.tp.post<{ conversationId?: string; message?: { content: string }; attributes?: { code?: string }; message_text?: string }>(CHAT, {
      connectorId: h.connectorId,
      stream: false,
      ...body,
    });
    statuses.push(res.status);
    return res;
  }

  it('a 7 MB alert context is cut to its share with markers; the stored user turn shows them', async () => {
    h.llm.setHandler(() => ({ content: 'Looks like encoded PowerShell launched by Word.' }));
    const started = Date.now();
    const res = await chat({
      message: 'What happened here?',
      contexts: [{ id: 'alert', category: 'alert', description: 'The selected alert', source: { kind: 'alert', alertId: huge._id } }],
    });
    const ms = Date.now() - started;
    expect(res.status).toBe(200);
    const request = h.llm.chatRequests().find((r) => userMessageOf(r).includes('<context'));
    expect(request).toBeDefined();
    const prompt = userMessageOf(request as NonNullable<typeof request>);
    expect(prompt).toMatch(TRUNCATION_MARKER);
    expect(prompt).not.toContain('TAIL_OF_COMMAND');
    expect((request?.rawBody.length ?? Infinity) < 64 * 1024).toBe(true);
    // The API reports the cut: the stored user turn carries the serialized (marked) context.
    const conversation = await h.tp.get<{ messages: Array<{ role: string; metadata?: { contexts?: Array<{ serialized: string }> } }> }>(
      `/api/security_ai_assistant/current_user/conversations/${res.body.conversationId}`,
    );
    statuses.push(conversation.status);
    const stored = conversation.body.messages.find((m) => m.role === 'user')?.metadata?.contexts?.[0]?.serialized ?? '';
    expect(stored).toMatch(TRUNCATION_MARKER);
    // eslint-disable-next-line no-console
    console.log(`oversized chat context: ${ms} ms, LLM request ${request?.rawBody.length} B`);
  });

  it('a text context at the 50k limit is cut with a marker; one over it is a 400', async () => {
    h.llm.setHandler(() => ({ content: 'ok' }));
    const text = `START ${'lorem ipsum '.repeat(Math.floor((MAX_CONTEXT_TEXT_LENGTH - 20) / 12))} END_OF_TEXT`;
    expect(text.length).toBeLessThanOrEqual(MAX_CONTEXT_TEXT_LENGTH);
    const res = await chat({ message: 'Summarise', contexts: [{ id: 't', category: 'text', description: 'pasted log', source: { kind: 'text', text } }] });
    expect(res.status).toBe(200);
    const prompts = h.llm.chatRequests().map(userMessageOf);
    const prompt = prompts.find((p) => p.includes('START')) ?? prompts.join('\n---\n').slice(0, 2000);
    expect(prompt).toMatch(/…\[\+\d+ chars\]/);
    expect(prompt).not.toContain('END_OF_TEXT');

    const over = await chat({ message: 'x', contexts: [{ id: 't', category: 'text', description: 'd', source: { kind: 'text', text: 'x'.repeat(MAX_CONTEXT_TEXT_LENGTH + 1) } }] });
    expect(over.status).toBe(400);
  });

  it('a user message over the model budget is refused with message_too_long; over the schema limit with a 400; never a 5xx', async () => {
    h.llm.setHandler(() => ({ content: 'ok' }));
    const before = h.llm.chatRequests().length;
    const tooLong = await chat({ message: 'word '.repeat(Math.floor(MAX_CHAT_MESSAGE_LENGTH / 5)) });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toMatch(/message_too_long|too long/);
    const overSchema = await chat({ message: 'x'.repeat(MAX_CHAT_MESSAGE_LENGTH + 1) });
    expect(overSchema.status).toBe(400);
    // Nothing was sent to the model for a refused message (a title request may not be sent either).
    expect(h.llm.chatRequests().length).toBe(before);
    expect((await h.tp.get('/api/status')).status).toBe(200);
  });
});
