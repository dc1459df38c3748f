/**
 * Scripted fake LLM for tests: OpenAI Chat Completions (`POST …/chat/completions`, any prefix incl. Azure
 * deployments), Anthropic Messages (`POST …/messages`) and `GET /v1/models`, on 127.0.0.1 with a random port.
 *
 *   const llm = await startFakeLlm();
 *   llm.enqueue({ content: 'Hi', chunkSize: 2 }, { toolCalls: [{ name: 'alert_counts', arguments: {} }] });
 *   llm.enqueue({ error: { status: 429, headers: { 'retry-after': '1' } } }, { json: { verdict: 'benign' } });
 *   llm.setHandler((req) => ({ content: `echo ${JSON.stringify(req.body)}` })); // when the queue is empty
 *   // connector config: { apiProvider: 'Other', apiUrl: llm.url, defaultModel: 'fake-model' }
 *   expect(llm.chatRequests()[0].body).toMatchObject({ model: 'fake-model' });
 *   await llm.close();
 */
export { startFakeLlm } from './fake_llm_server';
export type {
  ApiFlavor,
  FakeError,
  FakeHandler,
  FakeLlm,
  FakeReply,
  FakeToolCall,
  RecordedRequest,
} from './types';
