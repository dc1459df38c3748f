import type { FakeLlm, FakeReply, RecordedRequest } from '../../../test/fake_llm';
import { TITLE_SYSTEM_PROMPT } from '../prompts';

export function isTitleRequest(request: RecordedRequest): boolean {
  return request.rawBody.includes(JSON.stringify(TITLE_SYSTEM_PROMPT).slice(1, 40));
}

/** Title and answer requests run in parallel, so replies are routed by kind instead of queued in order. */
export function scriptLlm(llm: FakeLlm, chat: Array<FakeReply | ((r: RecordedRequest) => FakeReply)>, title: FakeReply = { content: 'A title' }): void {
  const queue = [...chat];
  llm.setHandler((request) => {
    if (isTitleRequest(request)) return title;
    const next = queue.shift();
    if (next === undefined) return { error: { status: 500, body: { error: { message: 'no scripted chat reply' } } } };
    return typeof next === 'function' ? next(request) : next;
  });
}
