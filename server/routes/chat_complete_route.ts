import { PassThrough } from 'node:stream';
import type { Client, estypes } from '@elastic/elasticsearch';
import { z } from 'zod/v4';
import { ASSISTANT_API_PRIVILEGES } from '../../common/constants';
import { ASSISTANT_PRIVILEGES } from '../../common/api/privileges';
import { CHAT_COMPLETE_PATH, PUBLIC_API_VERSION, chatCompleteRequestSchema, type ChatStreamEvent } from '../../common/api/chat';
import { encodeChatEvent } from '../../common/chat';
import type { IKibanaResponse, KibanaRequest, KibanaResponseFactory } from '../../platform/core/server';
import { ACTIONS_API_PRIVILEGES } from '../../platform/plugins/actions/common';
import { ChatError, prepareChat, toChatError, type AlertsSearch, type ChatSessionDeps } from '../assistant';
import type { RouteDependencies } from '../route_dependencies';

/** §3.6: a `ping` line after this much silence keeps proxies from closing the stream. */
export const PING_INTERVAL_MS = 15_000;
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ChatCompleteRouteOptions {
  pingIntervalMs?: number;
}

function errorResponse(response: KibanaResponseFactory, error: ChatError): IKibanaResponse {
  return response.customError({
    statusCode: error.status,
    body: { message: error.message, attributes: { code: error.code, ...(error.details ? { details: error.details } : {}) } },
  });
}

/** NDJSON lines with a `ping` after `pingIntervalMs` of silence (§3.6); writes after the end are dropped. */
export function createEventStream(pingIntervalMs: number): { stream: PassThrough; write(event: ChatStreamEvent): void; end(): void } {
  const stream = new PassThrough();
  let pingTimer: ReturnType<typeof setTimeout> | undefined;
  const write = (event: ChatStreamEvent) => {
    if (stream.writableEnded || stream.destroyed) return;
    stream.write(encodeChatEvent(event));
    if (pingTimer) clearTimeout(pingTimer);
    pingTimer = setTimeout(() => write({ type: 'ping' }), pingIntervalMs);
  };
  const end = () => {
    if (pingTimer) clearTimeout(pingTimer);
    if (!stream.writableEnded) stream.end();
  };
  // A client that goes away destroys the stream: no ping may keep the timer alive.
  stream.once('close', () => {
    if (pingTimer) clearTimeout(pingTimer);
  });
  return { stream, write, end };
}

/** The user's own client, typed down to what the tools need. */
function alertsSearchFor(client: Client): AlertsSearch {
  return async (request, signal) => {
    // The tools build plain query DSL objects; the client's types describe the same JSON.
    const result = await client.search(request as estypes.SearchRequest, { signal });
    return {
      hits: {
        total: result.hits.total,
        hits: result.hits.hits.map((h) => ({ _id: h._id ?? '', _source: (h._source ?? {}) as Record<string, unknown> })),
      },
      aggregations: result.aggregations as Record<string, unknown> | undefined,
    };
  };
}

/** H1 `POST /api/security_ai_assistant/chat/complete` (§3.4, §3.6). The orchestration lives in server/assistant. */
export function registerChatCompleteRoute(deps: RouteDependencies, options: ChatCompleteRouteOptions = {}): void {
  const pingIntervalMs = options.pingIntervalMs ?? PING_INTERVAL_MS;
  deps.router.versioned
    .post({
      path: CHAT_COMPLETE_PATH,
      access: 'public',
      security: { authz: { requiredPrivileges: [ASSISTANT_API_PRIVILEGES.all, ACTIONS_API_PRIVILEGES.read] } },
      options: { body: { maxBytes: MAX_BODY_BYTES }, summary: 'Chat with the security AI assistant' },
    })
    .addVersion({ version: PUBLIC_API_VERSION, validate: { request: { body: z.unknown() } } }, async (_context, request: KibanaRequest<unknown, unknown, unknown>, response) => {
      // Validated here rather than by the router so a 400 lists every failing path (`attributes.details`).
      const parsed = chatCompleteRequestSchema.safeParse(request.body);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
        return errorResponse(
          response,
          new ChatError(400, 'validation_failed', `[request body${details[0].path ? `.${details[0].path}` : ''}]: ${details[0].message}`, false, details),
        );
      }
      const body = parsed.data;
      const services = await deps.getServices();
      const { core, actions, dataClients } = services;
      if (!actions) {
        return errorResponse(response, new ChatError(503, 'actions_unavailable', 'The actions (connectors) plugin is not installed; chat needs an LLM connector'));
      }
      const user = core.security.authc.getCurrentUser(request);
      const spaceId = core.spaces.getSpaceId(request);
      if (!user) return response.unauthorized();
      const sessionDeps: ChatSessionDeps = {
        actions,
        dataClients,
        searchAlerts: alertsSearchFor(core.elasticsearch.client.asScoped(request).asCurrentUser),
        config: deps.config,
        logger: deps.logger,
        scope: { spaceId, user: { name: user.username } },
        canLoosenAnonymization: core.security.authz.checkPrivileges(user, spaceId, [ASSISTANT_PRIVILEGES.updateAnonymization]).length === 0,
      };

      const controller = new AbortController();
      const subscription = request.events.aborted$.subscribe(() => controller.abort(new Error('client disconnected')));
      let prepared;
      try {
        prepared = await prepareChat(body, sessionDeps);
      } catch (error) {
        subscription.unsubscribe();
        const chatError = toChatError(error);
        if (chatError.code === 'internal_error') deps.logger.error('Chat request failed', { error: error instanceof Error ? error.message : String(error) });
        return errorResponse(response, chatError);
      }

      if (!body.stream) {
        try {
          const outcome = await prepared.run(() => undefined, controller.signal);
          if (outcome.terminal?.type === 'done') {
            return response.ok({
              body: {
                conversationId: outcome.conversationId,
                title: outcome.title,
                message: outcome.terminal.message,
                replacements: outcome.terminal.replacements,
                finishReason: outcome.terminal.finishReason,
              },
            });
          }
          return errorResponse(response, outcome.error ?? new ChatError(499, 'internal_error', 'The request was cancelled'));
        } finally {
          subscription.unsubscribe();
        }
      }

      const { stream, write, end } = createEventStream(pingIntervalMs);
      write(prepared.conversationEvent);
      void prepared
        .run(write, controller.signal)
        .catch((error: unknown) => {
          // run() turns failures into terminal events; reaching here is a bug worth a log and a terminal line.
          deps.logger.error('Chat stream failed', { error: error instanceof Error ? error.message : String(error) });
          const chatError = toChatError(error);
          write({ type: 'error', code: chatError.code, message: chatError.message, retryable: chatError.retryable });
        })
        .finally(() => {
          subscription.unsubscribe();
          end();
        });
      return response.ok({
        body: stream,
        headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' },
      });
    });
}
