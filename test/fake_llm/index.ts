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
