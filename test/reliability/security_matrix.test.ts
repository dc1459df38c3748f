/**
 * Privilege matrix over every mounted route (issue 9, Security): authentication, CSRF and feature privileges for
 * superuser, analyst, read-only user and a user without the assistant feature. The route list is captured from
 * the host at mount time, so a newly registered route is checked without editing this file.
 */
import { XSRF_MESSAGE } from '../../platform/core/server';
import { startTestPlatform, type TestPlatform } from '../helpers';
import { ALL_PLUGINS, USERS, USERS_CONFIG, captureMountedRoutes, concretePath, MUTATING_METHODS, routeLabel, versionHeaders, type MatrixUser, type RouteEntry } from './helpers';

jest.setTimeout(60_000);

const ASSISTANT_OWNER = 'securityAiAssistant';

/** Routes meant to answer without credentials (status, login flow, static app shell). */
const PUBLIC_ROUTES = new Set([
  'GET /api/status',
  'POST /internal/security/login',
  'POST /internal/security/logout',
  'GET /api/security/logout',
  'GET /',
  'GET /login',
  'GET /app',
  'GET /app/{path*}',
  'GET /bundles/{path*}',
]);

/** Mutating methods that only read (search/validate/execute with read privilege): a read-only user may call them. */
const READ_ONLY_POSTS = new Set([
  'POST /api/actions/connector/{id}/_execute',
  'POST /api/detection_engine/signals/search',
  'POST /api/workflows/validate',
  'POST /internal/workflows/alerts/_search',
]);

/** GETs that need a write privilege (listing ES indices for index KB entries is an All action, assistant.md §9). */
const WRITE_LEVEL_GETS = new Set(['GET /api/security_ai_assistant/knowledge_base/_indices']);

/** The only assistant route a user without the feature may call: it reports that they may do nothing. */
const ASSISTANT_OPEN_TO_ALL = new Set(['GET /api/security_ai_assistant/current_user/capabilities']);

let tp: TestPlatform;
let routes: RouteEntry[];
const checked = new Map<MatrixUser | 'anonymous', number>();
const failures: string[] = [];

beforeAll(async () => {
  const capture = captureMountedRoutes();
  try {
    tp = await startTestPlatform({ plugins: ALL_PLUGINS, config: { ...USERS_CONFIG } });
  } finally {
    capture.restore();
  }
  routes = capture.routes;
});

afterAll(async () => {
  await tp?.stop();
});

const authOf = (user: MatrixUser) => (user === 'elastic' ? undefined : USERS[user]);

async function call(route: RouteEntry, who: MatrixUser | 'anonymous', opts: { xsrf?: boolean; body?: unknown } = {}) {
  const body = opts.body ?? (MUTATING_METHODS.has(route.method) && route.method !== 'delete' ? {} : undefined);
  const res = await tp.request(route.method, concretePath(route.path), {
    auth: who === 'anonymous' ? false : authOf(who),
    headers: versionHeaders(route),
    xsrf: opts.xsrf ?? true,
    body,
  });
  checked.set(who, (checked.get(who) ?? 0) + 1);
  return res;
}

function expectStatus(label: string, who: string, actual: number, ok: (s: number) => boolean, wanted: string) {
  if (!ok(actual)) failures.push(`${label} as ${who}: got ${actual}, wanted ${wanted}`);
}

const isAssistant = (r: RouteEntry) => r.owner === ASSISTANT_OWNER;
const isWrite = (r: RouteEntry) => (MUTATING_METHODS.has(r.method) && !READ_ONLY_POSTS.has(routeLabel(r))) || WRITE_LEVEL_GETS.has(routeLabel(r));

describe('route inventory', () => {
  it('captured the routes of every loaded plugin, and only the known public ones skip authentication', () => {
    const owners = new Set(routes.map((r) => r.owner));
    for (const owner of ['core', ASSISTANT_OWNER, 'securitySolution', 'actions', 'workflowsManagement']) expect(owners).toContain(owner);
    expect(routes.filter(isAssistant).length).toBeGreaterThanOrEqual(25);
    const unauthenticated = routes.filter((r) => r.authRequired !== true).map(routeLabel);
    expect(new Set(unauthenticated)).toEqual(PUBLIC_ROUTES);
    // No route opts out of the CSRF check.
    expect(routes.filter((r) => !r.xsrfRequired).map(routeLabel)).toEqual([]);
  });
});

describe('privilege matrix', () => {
  it('no credentials → 401 on every protected route', async () => {
    for (const route of routes.filter((r) => r.authRequired === true)) {
      const res = await call(route, 'anonymous');
      expectStatus(routeLabel(route), 'anonymous', res.status, (s) => s === 401, '401');
    }
    expect(failures).toEqual([]);
  });

  it('without kbn-xsrf → 400 on every mutating route, before authorization and validation', async () => {
    for (const route of routes.filter((r) => MUTATING_METHODS.has(r.method))) {
      for (const who of ['elastic', 'outsider'] as const) {
        const res = await call(route, who, { xsrf: false, body: { definitely: ['not', 'valid'] } });
        const message = (res.body as { message?: string }).message;
        // Outsider lacks privileges on assistant routes: a 400 (not 403) shows xsrf ran first; the bad body shows it ran before validation.
        expectStatus(routeLabel(route), `${who} (no xsrf)`, res.status, (s) => s === 400 && message === XSRF_MESSAGE, `400 "${XSRF_MESSAGE}"`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a valid create without kbn-xsrf has no effect', async () => {
    const title = 'h9 csrf probe';
    const res = await tp.post('/api/security_ai_assistant/current_user/conversations', { title }, { xsrf: false });
    expect(res.status).toBe(400);
    const found = await tp.get<{ data: Array<{ title: string }> }>('/api/security_ai_assistant/current_user/conversations/_find?per_page=100');
    expect(found.status).toBe(200);
    expect(found.body.data.map((c) => c.title)).not.toContain(title);
  });

  it('reader → 403 on every write of the assistant, workflows, security solution and connectors; allowed on reads', async () => {
    for (const route of routes.filter((r) => r.owner !== 'core' && r.authRequired === true)) {
      const res = await call(route, 'reader');
      if (isWrite(route)) expectStatus(routeLabel(route), 'reader', res.status, (s) => s === 403, '403');
      else expectStatus(routeLabel(route), 'reader', res.status, (s) => s !== 403 && s !== 401, 'not 401/403');
    }
    expect(failures).toEqual([]);
  });

  it('outsider → 403 on every assistant route, allowed on the other features', async () => {
    for (const route of routes.filter((r) => r.owner !== 'core' && r.authRequired === true)) {
      const res = await call(route, 'outsider');
      const label = routeLabel(route);
      if (isAssistant(route) && !ASSISTANT_OPEN_TO_ALL.has(label)) expectStatus(label, 'outsider', res.status, (s) => s === 403, '403');
      else if (route.owner === 'actions' && isWrite(route)) expectStatus(label, 'outsider', res.status, (s) => s === 403, '403');
      else expectStatus(label, 'outsider', res.status, (s) => s !== 403 && s !== 401, 'not 401/403');
    }
    const caps = await tp.get<{ privileges: Record<string, boolean> }>('/api/security_ai_assistant/current_user/capabilities', { auth: USERS.outsider });
    expect(caps.status).toBe(200);
    expect(caps.body.privileges).toEqual(expect.objectContaining({ read: false, all: false, updateAnonymization: false, manageGlobalKnowledgeBase: false }));
    expect(failures).toEqual([]);
  });

  it('analyst (AI Assistant All) passes authorization on assistant, workflow and alert routes; 403 only on connector writes', async () => {
    for (const route of routes.filter((r) => r.owner !== 'core' && r.authRequired === true)) {
      const res = await call(route, 'analyst');
      const label = routeLabel(route);
      if (route.owner === 'actions' && isWrite(route)) expectStatus(label, 'analyst', res.status, (s) => s === 403, '403');
      else expectStatus(label, 'analyst', res.status, (s) => s !== 403 && s !== 401, 'not 401/403');
    }
    expect(failures).toEqual([]);
  });

  it('superuser is never refused', async () => {
    for (const route of routes.filter((r) => r.authRequired === true)) {
      const res = await call(route, 'elastic');
      expectStatus(routeLabel(route), 'elastic', res.status, (s) => s !== 403 && s !== 401, 'not 401/403');
    }
    expect(failures).toEqual([]);
  });

  it('checked every route for every identity', () => {
    const protectedRoutes = routes.filter((r) => r.authRequired === true).length;
    expect(checked.get('anonymous')).toBe(protectedRoutes);
    expect(checked.get('elastic')).toBeGreaterThanOrEqual(protectedRoutes);
    const total = [...checked.values()].reduce((a, b) => a + b, 0);
    const perUser = [...checked.entries()].map(([u, n]) => `${u}=${n}`).join(' ');
    // eslint-disable-next-line no-console
    console.log(`security matrix: ${routes.length} routes (${routes.filter((r) => MUTATING_METHODS.has(r.method)).length} mutating), ${total} route×user checks [${perUser}], 0 failures`);
  });
});
