import { findLeaks, flattenDocument, getDefaultFieldRules, type FieldRule } from '../../../common/anonymization';
import type { AiRequestGuardContext } from '../../../platform/plugins/workflows_execution_engine/server';
import { createSecurityAiRequestGuardFactory, type AlertsSearchClient } from './security_ai_request_guard';

const SEED = 'a'.repeat(60) + '0001';
const RELATED = 'b'.repeat(60) + '0002';
const OTHER_SPACE = 'c'.repeat(60) + '0003';

interface SearchCall {
  index: unknown;
  size: unknown;
  query: unknown;
  aggs?: Record<string, { terms: { field: string; include: string[] } }>;
}

const MAPPING = {
  '.internal.alerts-security.alerts-default-000001': {
    mappings: {
      properties: {
        host: { properties: { name: { type: 'keyword' }, ip: { type: 'ip' } } },
        user: { properties: { name: { type: 'keyword' }, target: { properties: { name: { type: 'keyword' } } } } },
        'kibana.space_ids': { type: 'keyword' },
      },
    },
  },
};

/**
 * A search client over fixed documents that records each request: `ids` searches return the documents, size-0
 * searches answer their terms aggregations (exact `include` values present in the documents); `fail` makes every
 * call reject like the ES client.
 */
function fakeEs(docs: Record<string, Record<string, unknown>>, fail?: { statusCode: number }) {
  const calls: SearchCall[] = [];
  const reject = () => Promise.reject(Object.assign(new Error(`status ${fail?.statusCode}`), { meta: { statusCode: fail?.statusCode } }));
  const search = async (params: SearchCall) => {
    calls.push(params);
    if (fail) return reject();
    if (params.aggs) {
      const flat = Object.values(docs).map((d) => flattenDocument(d));
      const aggregations = Object.fromEntries(
        Object.entries(params.aggs).map(([name, { terms }]) => [
          name,
          { buckets: terms.include.filter((v) => flat.some((f) => f[terms.field]?.includes(v))).map((key) => ({ key, doc_count: 1 })) },
        ]),
      );
      return { hits: { hits: [] }, aggregations };
    }
    const ids = (params.query as { ids: { values: string[] } }).ids.values;
    const hits = ids.filter((id) => docs[id]).map((id) => ({ _id: id, _index: '.internal.alerts-security.alerts-default-000001', _source: docs[id] }));
    return { hits: { hits } };
  };
  const getMapping = async () => (fail ? reject() : MAPPING);
  return { client: { search, indices: { getMapping } } as unknown as AlertsSearchClient, calls, idCalls: () => calls.filter((c) => !c.aggs) };
}

function context(overrides: Partial<AiRequestGuardContext> = {}): AiRequestGuardContext {
  return {
    spaceId: 'default',
    workflowId: 'security.alert.validation',
    executionId: 'exec-1',
    stepId: 'run_agent',
    stepType: 'ai.agent',
    event: { alerts: [{ _id: SEED, host: { name: 'seed-host-01' }, user: { name: 'seed-user' } }] },
    attachments: [{ type: 'security.alert', data: { alert: JSON.stringify({ _id: SEED, 'host.ip': '10.9.8.7' }) } }],
    outgoingText: [`Alert ${SEED} on seed-host-01 by seed-user from 10.9.8.7`, `${RELATED} [Rule] related-host-02 did x (related because: user)`],
    ...overrides,
  };
}

describe('createSecurityAiRequestGuardFactory', () => {
  const docs = {
    [RELATED]: { 'kibana.space_ids': ['default'], host: { name: 'related-host-02' } },
    [OTHER_SPACE]: { 'kibana.space_ids': ['other'], host: { name: 'foreign-host-03' } },
  };

  it('tokenizes values of the event alerts, attachments and alerts named in the text (one bounded search)', async () => {
    const es = fakeEs(docs);
    const factory = createSecurityAiRequestGuardFactory({ getPolicy: async () => getDefaultFieldRules(), getEsClient: async () => es.client });
    const ctx = context();
    const guard = await factory(ctx);
    if (!guard) throw new Error('expected a guard');
    const sent = ctx.outgoingText.map((t) => guard.scrub(t)).join('\n');
    expect(findLeaks(sent, ['seed-host-01', 'seed-user', '10.9.8.7', 'related-host-02'])).toEqual([]);
    expect(sent).toContain(SEED);
    // One ids search on the space alias; words shaped like the seed id come first, the seed itself is not looked up.
    expect(es.idCalls()).toEqual([
      { index: '.alerts-security.alerts-default', size: 3, query: { ids: { values: [RELATED, 'seed-host-01', 'related-host-02'] } } },
    ]);
    expect(guard.restore(sent)).toBe(ctx.outgoingText.join('\n'));
  });

  it('skips documents of another space returned through the alias', async () => {
    const es = fakeEs(docs);
    const factory = createSecurityAiRequestGuardFactory({ getPolicy: async () => getDefaultFieldRules(), getEsClient: async () => es.client });
    const guard = await factory(context({ event: undefined, attachments: [], outgoingText: [`${OTHER_SPACE} and ${RELATED}`] }));
    expect(es.idCalls()).toHaveLength(1);
    const sent = guard?.scrub('foreign-host-03 and related-host-02') ?? '';
    expect(sent).toContain('foreign-host-03');
    expect(sent).not.toContain('related-host-02');
  });

  it('denied fields become [REDACTED]; a space policy that protects nothing needs no guard and no search', async () => {
    const es = fakeEs(docs);
    const policy: FieldRule[] = [{ field: 'user.name', allowed: false, anonymized: false }];
    const guard = await createSecurityAiRequestGuardFactory({ getPolicy: async () => policy, getEsClient: async () => es.client })(context());
    expect(guard?.scrub('by seed-user on seed-host-01')).toBe('by [REDACTED] on seed-host-01');

    const open = fakeEs(docs);
    const none = await createSecurityAiRequestGuardFactory({
      getPolicy: async () => [{ field: 'host.name', allowed: true, anonymized: false }],
      getEsClient: async () => open.client,
    })(context());
    expect(none).toBeUndefined();
    expect(open.calls).toHaveLength(0);
  });

  it('needs no search when the text names no unknown id, and no guard when nothing sensitive was found', async () => {
    const es = fakeEs(docs);
    const factory = createSecurityAiRequestGuardFactory({ getPolicy: async () => getDefaultFieldRules(), getEsClient: async () => es.client });
    expect(await factory(context({ event: undefined, attachments: [], outgoingText: ['Summarise the week.'] }))).toBeUndefined();
    expect(es.idCalls()).toHaveLength(0);
    const guard = await factory(context({ outgoingText: [`Alert ${SEED} on the seed host`] }));
    expect(guard?.scrub('seed-host-01')).not.toContain('seed-host-01');
    expect(es.idCalls()).toHaveLength(0);
  });

  it('a space without an alerts index has no mentioned alerts; other search failures and policy failures reject', async () => {
    const missing = fakeEs(docs, { statusCode: 404 });
    const ok = await createSecurityAiRequestGuardFactory({ getPolicy: async () => getDefaultFieldRules(), getEsClient: async () => missing.client })(context());
    expect(ok?.scrub('seed-host-01')).not.toContain('seed-host-01');

    const broken = fakeEs(docs, { statusCode: 503 });
    await expect(
      createSecurityAiRequestGuardFactory({ getPolicy: async () => getDefaultFieldRules(), getEsClient: async () => broken.client })(context()),
    ).rejects.toThrow(/failed in space default: status 503|of space default failed: status 503/);
    await expect(
      createSecurityAiRequestGuardFactory({ getPolicy: async () => Promise.reject(new Error('storage down')), getEsClient: async () => broken.client })(context()),
    ).rejects.toThrow('storage down');
  });

  it('tokenizes protected values the text contains although no alert of the request holds them (one size-0 lookup)', async () => {
    const peer = { 'kibana.space_ids': ['default'], host: { name: 'peer-host-09', ip: '192.0.2.44' }, user: { name: 'peer-user' } };
    const es = fakeEs({ peer });
    const factory = createSecurityAiRequestGuardFactory({ getPolicy: async () => getDefaultFieldRules(), getEsClient: async () => es.client });
    const text = 'Top sources: peer-host-09 (4), other-host (2). Seen from 192.0.2.44:443 and 192.0.2.45 by peer-user.';
    const guard = await factory(context({ event: undefined, attachments: [], outgoingText: [text] }));
    const sent = guard?.scrub(text) ?? '';
    expect(findLeaks(sent, ['peer-host-09', '192.0.2.44', 'peer-user'])).toEqual([]);
    expect(sent).toContain('other-host (2)');
    expect(sent).toContain('192.0.2.45');
    const lookup = es.calls.find((c) => c.aggs);
    expect(lookup).toMatchObject({ index: '.alerts-security.alerts-default', size: 0 });
    const includes = Object.fromEntries(Object.values(lookup?.aggs ?? {}).map(({ terms }) => [terms.field, terms.include]));
    // Only mapped protected fields are asked, and the ip field only with IP-shaped words.
    expect(Object.keys(includes).sort()).toEqual(['host.ip', 'host.name', 'user.name', 'user.target.name']);
    expect(includes['host.ip']).toEqual(['192.0.2.44', '192.0.2.45']);
    expect(includes['host.name']).toEqual(expect.arrayContaining(['peer-host-09', 'other-host', 'peer-user', '192.0.2.44']));
  });
});
