import fc from 'fast-check';
import { chatCompleteRequestSchema, type ChatCompleteRequestInput } from '../../common/api/chat';
import { findTokens } from '../../common/anonymization';
import { startFakeLlm, type FakeLlm, type RecordedRequest } from '../../test/fake_llm';
import { prepareChat, type ChatSessionDeps } from './chat_session';
import { createInMemoryData, createMemoryAlertsSearch, createTestActions, silentLogger, testConfig } from './test_support/in_memory_clients';
import { isTitleRequest } from './test_support/scripted_llm';

/**
 * AN-T1 as a property: whatever the canary values, and wherever they are repeated (typed text, other fields,
 * required knowledge, tool results, later turns), no anonymized, denied or unlisted value reaches any request
 * the real orchestrator sends to the (real, HTTP) fake LLM, and every token sent is in the conversation's map.
 */

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(async () => llm.close());

const POLICY = [
  { field: 'kibana.alert.rule.name', allowed: true, anonymized: false },
  { field: 'host.name', allowed: true, anonymized: true },
  { field: 'user.name', allowed: true, anonymized: true },
  { field: 'source.ip', allowed: false, anonymized: false },
  { field: 'message', allowed: true, anonymized: false },
  { field: 'process.command_line', allowed: true, anonymized: false },
];

const canary = fc
  .tuple(fc.constantFrom('cnry', 'zq', 'host', 'usr'), fc.stringMatching(/^[a-z0-9]{3,8}$/), fc.constantFrom('', '.corp', '-x1'))
  .map(([a, b, c]) => `${a}-${b}${c}`);

const firstToken = (request: RecordedRequest): string => {
  const body = request.body as { messages?: Array<{ role: string; content: string | null }> };
  const user = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  return findTokens(user?.content ?? '')[0] ?? 'nothing';
};

describe('canary property (AN-T1)', () => {
  it('no anonymized, denied or unlisted value ever reaches the LLM', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(canary, { minLength: 7, maxLength: 7, selector: (s) => s.toLowerCase() }), async (values) => {
        const [host, user, deniedIp, unlisted, host2, deniedIp2, unlisted2] = values;
        const secrets = values;
        llm.reset();
        const alerts = [
          {
            _id: 'a1',
            _source: {
              'kibana.alert.rule.name': 'Rule one',
              host: { name: host },
              user: { name: user },
              source: { ip: deniedIp },
              message: `${user} logged into ${host} from ${deniedIp}; see ${unlisted}`.replace(unlisted, 'ticket'),
              'process.command_line': `ssh ${user}@${host} --from ${deniedIp}`,
              secret: { token: unlisted },
            },
          },
          {
            _id: 'a2',
            _source: {
              'kibana.alert.rule.name': 'Rule two',
              host: { name: host2 },
              source: { ip: deniedIp2 },
              message: `beacon from ${host2} to ${deniedIp2}`,
              secret: { token: unlisted2 },
            },
          },
        ];
        const data = createInMemoryData({
          policy: POLICY,
          kb: [{ id: 'r1', name: 'Always', type: 'document', text: `Treat ${host} as a crown jewel`, required: true, global: false }],
        });
        const chatScript = [
          (r: RecordedRequest) => ({
            toolCalls: [
              { name: 'open_alerts', arguments: {} },
              { name: 'knowledge_base_retrieval', arguments: { query: firstToken(r) } },
            ],
          }),
          () => ({ content: 'Looked at it.' }),
          (r: RecordedRequest) => ({ toolCalls: [{ name: 'knowledge_base_write', arguments: { name: 'note', content: `remember ${firstToken(r)}` } }] }),
          () => ({ content: 'Saved.' }),
        ];
        llm.setHandler((r) => (isTitleRequest(r) ? { content: 'Title' } : (chatScript.shift()?.(r) ?? { content: 'more' })));
        const deps: ChatSessionDeps = {
          actions: createTestActions(llm.baseUrl),
          dataClients: data.clients,
          searchAlerts: createMemoryAlertsSearch(alerts),
          config: testConfig(),
          logger: silentLogger(),
          scope: { spaceId: 'default', user: { name: 'u' } },
          canLoosenAnonymization: false,
        };
        const context = { id: 'c', category: 'alert', description: `Alert on ${host}`, source: { kind: 'alert' as const, alertId: 'a1' } };
        const run = async (body: ChatCompleteRequestInput) => {
          const prepared = await prepareChat(chatCompleteRequestSchema.parse(body), deps);
          return prepared.run(() => undefined, new AbortController().signal);
        };
        const first = await run({ message: `Is ${host.toUpperCase()} ok? ${user} says ${deniedIp} is fine`, contexts: [context] });
        expect(first.terminal?.type).toBe('done');
        const second = await run({ conversationId: first.conversationId, message: `remember that ${user} owns ${host}`, contexts: [context] });
        expect(second.terminal?.type).toBe('done');

        const map = data.conversations.get(first.conversationId)?.replacements ?? {};
        const requests = llm.chatRequests();
        expect(requests.length).toBeGreaterThanOrEqual(5);
        for (const request of requests) {
          const body = request.rawBody.toLowerCase();
          for (const secret of secrets) expect(body).not.toContain(secret.toLowerCase());
          // Entry ids (KB) are UUIDs too: they are ids, not hidden values.
          const ids = new Set(data.kb.map((e) => e.id));
          for (const token of findTokens(request.rawBody)) if (!ids.has(token)) expect([token, map[token] !== undefined]).toEqual([token, true]);
        }
        // The remembered entry is stored de-anonymized with its sensitive values.
        const remembered = data.kb.find((e) => e.name === 'note');
        expect(remembered?.sensitiveValues?.length).toBeGreaterThan(0);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
