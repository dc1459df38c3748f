import { z } from 'zod/v4';
import { createLoggerFactory } from '../logging';
import { getRequestState, type AuthenticatedUser } from './kibana_request';
import { HttpServer } from './http_server';
import { createRouter, RouteTable } from './router';
import type { PrivilegeRequirement } from './router_types';

const user = (username: string, roles: string[]): AuthenticatedUser => ({
  username,
  roles,
  enabled: true,
  metadata: {},
  authentication_realm: { name: 'reserved', type: 'reserved' },
  lookup_realm: { name: 'reserved', type: 'reserved' },
  authentication_provider: { type: 'basic', name: 'basic' },
  authentication_type: 'realm',
});

describe('HttpServer.inject (in-process requests as a user)', () => {
  let server: HttpServer;
  let baseUrl = '';
  const authenticateCalls: unknown[] = [];

  beforeAll(async () => {
    const logger = createLoggerFactory({ levels: {}, sink: () => undefined }).get('http');
    server = new HttpServer({
      logger,
      maxPayload: 1024 * 1024,
      authenticate: async (headers) => {
        authenticateCalls.push(headers);
        return headers.authorization === 'Basic good' ? { kind: 'authenticated', user: user('basic-user', ['writer']) } : { kind: 'none' };
      },
      authorize: (who, _space, requirements: readonly PrivilegeRequirement[]) =>
        who.roles.includes('writer') ? [] : requirements.filter((r): r is string => typeof r === 'string'),
      spaceExists: (id) => id === 'default' || id === 'blue',
      createContext: () => ({}) as never,
      notReadyStatus: () => ({}),
    });
    const table = new RouteTable();
    const router = createRouter(table, 'test');
    router.post(
      {
        path: '/api/echo/{id}',
        validate: { params: z.object({ id: z.string() }), body: z.object({ n: z.number() }), query: z.object({ q: z.string().optional() }) },
        security: { authz: { requiredPrivileges: ['echo-write'] } },
      },
      async (_context, request, response) => {
        const state = getRequestState(request);
        return response.ok({
          body: {
            id: request.params.id,
            n: request.body.n,
            q: request.query.q,
            user: state.user?.username ?? null,
            space: state.spaceId,
            tokenSeen: Object.keys(request.headers).some((h) => h.includes('in-process')),
          },
        });
      },
    );
    const address = await server.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${address.port}`;
    await server.mount(table.seal());
    server.setRunning();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('runs the route as the given user, in the space of the path, without credentials', async () => {
    authenticateCalls.length = 0;
    const response = await server.inject({
      method: 'POST',
      path: '/s/blue/api/echo/abc?q=hi',
      headers: { 'kbn-xsrf': 'true' },
      body: { n: 3 },
      user: user('alice', ['writer']),
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ id: 'abc', n: 3, q: 'hi', user: 'alice', space: 'blue', tokenSeen: false });
    expect(authenticateCalls).toHaveLength(0);
  });

  it('still enforces the privileges of that user, xsrf and validation', async () => {
    const forbidden = await server.inject({ method: 'POST', path: '/api/echo/x', headers: { 'kbn-xsrf': 'true' }, body: { n: 1 }, user: user('bob', ['viewer']) });
    expect(forbidden.statusCode).toBe(403);
    expect((forbidden.body as { message: string }).message).toContain('echo-write');
    const noXsrf = await server.inject({ method: 'POST', path: '/api/echo/x', body: { n: 1 }, user: user('alice', ['writer']) });
    expect(noXsrf.statusCode).toBe(400);
    const invalid = await server.inject({ method: 'POST', path: '/api/echo/x', headers: { 'kbn-xsrf': 'true' }, body: { n: 'no' }, user: user('alice', ['writer']) });
    expect(invalid.statusCode).toBe(400);
  });

  it('answers 401 for a null user on a protected route and ignores forged tokens', async () => {
    const anonymous = await server.inject({ method: 'POST', path: '/api/echo/x', headers: { 'kbn-xsrf': 'true' }, body: { n: 1 }, user: null });
    expect(anonymous.statusCode).toBe(401);
    // Over the wire, a made-up token is dropped and the request authenticates normally.
    const forged = await fetch(`${baseUrl}/api/echo/x`, {
      method: 'POST',
      headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json', 'x-kbn-in-process-token': 'guess' },
      body: JSON.stringify({ n: 1 }),
    });
    expect(forged.status).toBe(401);
    const real = await fetch(`${baseUrl}/api/echo/x`, {
      method: 'POST',
      headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json', 'x-kbn-in-process-token': 'guess', authorization: 'Basic good' },
      body: JSON.stringify({ n: 1 }),
    });
    expect(real.status).toBe(200);
    expect(await real.json()).toMatchObject({ user: 'basic-user', tokenSeen: false });
  });

  it('returns 404 for unknown spaces and routes', async () => {
    const space = await server.inject({ method: 'POST', path: '/s/nope/api/echo/x', headers: { 'kbn-xsrf': 'true' }, body: { n: 1 }, user: user('alice', ['writer']) });
    expect(space.statusCode).toBe(404);
    const route = await server.inject({ method: 'GET', path: '/api/missing', user: user('alice', ['writer']) });
    expect(route.statusCode).toBe(404);
  });
});
