import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicErrorBody, anthropicMessage, anthropicStreamFrames } from './anthropic_format';
import { openAiCompletion, openAiErrorBody, openAiStreamFrames } from './openai_format';
import { replyParts, type SseFrame } from './reply_parts';
import type { ApiFlavor, FakeHandler, FakeLlm, FakeReply, RecordedRequest } from './types';

/** Resolves once the data is handed to the socket, so a following destroy() cannot swallow it. */
const write = (res: http.ServerResponse, text: string) =>
  new Promise<void>((resolve) => {
    res.write(text, () => resolve());
  });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function flavorOf(method: string, path: string): ApiFlavor | 'other' {
  if (method !== 'POST') return 'other';
  // Any path ending in /chat/completions: /v1/..., /chat/completions, Azure's /openai/deployments/<d>/...
  if (/\/chat\/completions$/.test(path)) return 'openai';
  if (/\/messages$/.test(path)) return 'anthropic';
  return 'other';
}

function parseJson(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Starts the scripted fake LLM on 127.0.0.1 with a random port. */
export async function startFakeLlm(): Promise<FakeLlm> {
  const requests: RecordedRequest[] = [];
  const queue: Array<FakeReply | FakeHandler> = [];
  let handler: FakeHandler | undefined;
  let models = ['fake-model'];
  let idCounter = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const openSockets = new Set<import('node:net').Socket>();

  const chatRequests = () => requests.filter((r) => r.flavor !== 'other');
  const notifyWaiters = () => {
    const n = chatRequests().length;
    for (const w of [...waiters]) {
      if (n >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };

  async function nextReply(recorded: RecordedRequest): Promise<FakeReply> {
    const entry = queue.shift() ?? handler;
    if (entry === undefined) {
      return { error: { status: 500, body: { error: { message: 'fake LLM: no scripted reply for this request' } } } };
    }
    return typeof entry === 'function' ? entry(recorded) : entry;
  }

  const sendJson = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  };

  async function writeStream(res: http.ServerResponse, frames: SseFrame[], reply: FakeReply, recorded: RecordedRequest) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    let contentSeen = 0;
    let corrupted = false;
    for (const frame of frames) {
      if (recorded.aborted) return;
      if (frame.kind === 'content' || frame.kind === 'tool') {
        if (reply.truncateAfterChunks !== undefined && contentSeen >= reply.truncateAfterChunks) {
          // Cut the connection mid-stream the way a crashing proxy does: no finish_reason, no [DONE].
          res.socket?.destroy();
          return;
        }
        if (contentSeen > 0 && reply.delayBetweenChunksMs) await sleep(reply.delayBetweenChunksMs);
        contentSeen += 1;
      }
      await write(res, frame.text);
      if (reply.malformed && !corrupted && frame.kind === 'content') {
        corrupted = true;
        await write(res, 'data: {"id":"chatcmpl-broken","choices":[{"delta":{"content":"x"\n\n');
      }
    }
    if (reply.truncateAfterChunks !== undefined) {
      res.socket?.destroy();
      return;
    }
    res.end();
  }

  async function handleChat(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    recorded: RecordedRequest,
    flavor: ApiFlavor,
  ) {
    const reply = await nextReply(recorded);
    if (reply.delayBeforeFirstByteMs) await sleep(reply.delayBeforeFirstByteMs);
    if (recorded.aborted) return;
    if (reply.hang) return; // the socket stays open until the client aborts or close() destroys it
    if (reply.error) {
      const message = `fake LLM error ${reply.error.status}`;
      const body =
        reply.error.body ??
        (flavor === 'anthropic' ? anthropicErrorBody(reply.error.status, message) : openAiErrorBody(reply.error.status, message));
      sendJson(res, reply.error.status, body, reply.error.headers);
      return;
    }
    const body = isRecord(recorded.body) ? recorded.body : {};
    const model = reply.model ?? (typeof body.model === 'string' ? body.model : models[0]);
    idCounter += 1;
    const parts = replyParts(reply, recorded.rawBody, flavor === 'anthropic' ? 'toolu_' : 'call_');
    if (flavor === 'anthropic') {
      const meta = { id: `msg_fake${idCounter}`, model };
      if (recorded.stream) return writeStream(res, anthropicStreamFrames(parts, meta), reply, recorded);
      if (reply.malformed) return sendJson(res, 200, '{"id":"msg_broken","content":[{"type":"text","text":');
      return sendJson(res, 200, anthropicMessage(parts, meta));
    }
    const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
    const meta = {
      id: `chatcmpl-fake${idCounter}`,
      created: Math.floor(Date.now() / 1000),
      model,
      includeUsage: streamOptions.include_usage === true,
    };
    if (recorded.stream) return writeStream(res, openAiStreamFrames(parts, meta), reply, recorded);
    if (reply.malformed) return sendJson(res, 200, '{"id":"chatcmpl-broken","choices":[{"message":');
    return sendJson(res, 200, openAiCompletion(parts, meta));
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      const method = req.method ?? 'GET';
      const body = parseJson(rawBody);
      const flavor = flavorOf(method, path);
      const recorded: RecordedRequest = {
        seq: requests.length,
        method,
        path,
        flavor,
        headers: { ...req.headers },
        rawBody,
        body,
        stream: isRecord(body) && body.stream === true,
        receivedAt: Date.now(),
        aborted: false,
      };
      requests.push(recorded);
      res.on('close', () => {
        if (!res.writableFinished) recorded.aborted = true;
      });
      notifyWaiters();

      if (method === 'GET' && /(^|\/)models$/.test(path)) {
        sendJson(res, 200, {
          object: 'list',
          data: models.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'fake' })),
        });
        return;
      }
      if (flavor === 'other') {
        sendJson(res, 404, { error: { message: `fake LLM: no route for ${method} ${path}` } });
        return;
      }
      if (body === undefined) {
        sendJson(res, 400, openAiErrorBody(400, 'fake LLM: request body is not JSON'));
        return;
      }
      handleChat(req, res, recorded, flavor).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: { message: `fake LLM handler failed: ${String(err)}` } });
        else res.destroy();
      });
    });
  });
  server.on('connection', (socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    chatRequests,
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    setHandler: (h) => {
      handler = h;
    },
    setModels: (ids) => {
      models = [...ids];
    },
    reset: () => {
      queue.length = 0;
      handler = undefined;
      requests.length = 0;
    },
    waitForChatRequests: (count, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        if (chatRequests().length >= count) return resolve(chatRequests());
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`fake LLM: expected ${count} chat requests, got ${chatRequests().length}`));
        }, timeoutMs);
        const waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(chatRequests());
          },
        };
        waiters.push(waiter);
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of openSockets) socket.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
