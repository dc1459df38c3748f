/**
 * Bad input (issue 9): arbitrary JSON bodies and query strings — deep nesting, huge strings, wrong types,
 * prototype-pollution keys — against every mounted route that takes a body, as the superuser. No answer may be a
 * 5xx, the process must not be polluted or crash, and the host must still answer `/api/status` afterwards.
 */
import fc from 'fast-check';
import { startTestPlatform, type TestPlatform } from '../helpers';
import { ALL_PLUGINS, captureMountedRoutes, concretePath, routeLabel, versionHeaders, type RouteEntry } from './helpers';

jest.setTimeout(120_000);

const RUNS_PER_ROUTE = 15;
const GET_RUNS_PER_ROUTE = 5;
const SEED = 20261129;

let tp: TestPlatform;
let routes: RouteEntry[];

beforeAll(async () => {
  const capture = captureMountedRoutes();
  try {
    tp = await startTestPlatform({ plugins: ALL_PLUGINS });
  } finally {
    capture.restore();
  }
  routes = capture.routes;
});

afterAll(async () => {
  await tp?.stop();
});

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const FIELD_NAMES = ['id', 'title', 'name', 'messages', 'content', 'params', 'subAction', 'yaml', 'inputs', 'create', 'update', 'delete', 'ids', 'alertIds', 'tags', 'status', 'query', 'size', 'per_page', 'page', 'filter', 'fields', 'sort_field', 'connector_type_id', 'secrets', 'config', 'kbResource', 'text', 'type'];

const key = fc.oneof(fc.constantFrom(...POLLUTING_KEYS, ...FIELD_NAMES), fc.string({ maxLength: 12 }));
const scalar = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('', '-1', '1e309', 'NaN', '{{ 7 * 7 }}', '${7*7}', '../../etc/passwd', 'a'.repeat(10_000)));

/** JSON text built by hand so `__proto__` stays an own key on the wire (JSON.stringify of a literal would drop it). */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar.map((v) => JSON.stringify(v)),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`)
  ),
})).value;

const deepNesting = fc.integer({ min: 200, max: 5_000 }).chain((depth) => fc.constantFrom(`${'['.repeat(depth)}${']'.repeat(depth)}`, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));
const hugeString = fc.integer({ min: 100_000, max: 400_000 }).map((n) => JSON.stringify({ title: 'x'.repeat(n), name: 'y'.repeat(n) }));
const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":"yes"},"title":"p"}',
  '{"constructor":{"prototype":{"polluted":"yes"}},"name":"p"}',
  '{"create":[{"__proto__":{"polluted":"yes"}}],"update":[{"constructor":{"prototype":{"polluted":"yes"}}}]}'
);
// Over the 1 MiB default payload limit: must be a clean 413, not a crash.
const oversize = fc.constant(JSON.stringify({ title: 'x'.repeat(1_200_000) }));
const notJson = fc.constantFrom('{', '{"a":', 'undefined', '\u0000', 'null', '[]', '"str"', '12');

const body = fc.oneof({ weight: 6, arbitrary: jsonText }, { weight: 1, arbitrary: deepNesting }, { weight: 1, arbitrary: hugeString }, { weight: 1, arbitrary: pollution }, { weight: 1, arbitrary: notJson }, { weight: 1, arbitrary: oversize });
const query = fc.array(fc.tuple(key, fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('-1', '0', '99999999', 'true', '[]', '{}', '%E0%A4%A'))), { maxLength: 4 });

const toQueryString = (pairs: Array<[string, string]>) =>
  pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v.startsWith('%') ? v : encodeURIComponent(v)}`).join('&')}`;

describe('route fuzz', () => {
  it('never answers 5xx, never pollutes prototypes, and the host stays up', async () => {
    // GET bodies cannot be sent by fetch; assistant GETs validate a passthrough body, so they are fuzzed through their query only.
    const targets = routes.filter((r) => r.hasBody && r.method !== 'get');
    expect(targets.length).toBeGreaterThanOrEqual(25);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let tried = 0;
    for (const [index, route] of targets.entries()) {
      const inputs = fc.sample(fc.tuple(body, query), { numRuns: RUNS_PER_ROUTE, seed: SEED + index });
      for (const [text, pairs] of inputs) {
        tried++;
        const res = await tp.request(route.method, `${concretePath(route.path)}${toQueryString(pairs)}`, {
          headers: { ...versionHeaders(route), 'content-type': 'application/json' },
          body: text,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) failures.push(`${routeLabel(route)} ${toQueryString(pairs)} body=${text.slice(0, 120)} → ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    // GET routes of the plugins: query strings only.
    const getTargets = routes.filter((r) => r.method === 'get' && r.owner !== 'core' && r.authRequired === true);
    for (const [index, route] of getTargets.entries()) {
      for (const pairs of fc.sample(query, { numRuns: GET_RUNS_PER_ROUTE, seed: SEED - index })) {
        tried++;
        const res = await tp.request('get', `${concretePath(route.path)}${toQueryString(pairs)}`, { headers: versionHeaders(route) });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) failures.push(`${routeLabel(route)} ${toQueryString(pairs)} → ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const status = await tp.get('/api/status');
    expect(status.status).toBe(200);
    // eslint-disable-next-line no-console
    console.log(`route fuzz: ${targets.length} body routes × ${RUNS_PER_ROUTE} + ${getTargets.length} GET routes × ${GET_RUNS_PER_ROUTE} = ${tried} inputs tried; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; ${failures.length} 5xx`);
    expect(failures).toEqual([]);
  });
});
