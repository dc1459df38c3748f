import { startHarness, type Harness } from '../test_support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

type ErrorBody = { error: { type: string; reason: string; [k: string]: unknown }; status: number };

describe('indices', () => {
  it('creates with settings, shows them nested, and rejects bad names and settings', async () => {
    await h.client.indices.create({ index: 'ix', settings: { number_of_shards: 1, 'index.number_of_replicas': 0 }, mappings: { properties: { b: { type: 'keyword' }, a: { type: 'long' } } } });
    const got = await h.client.indices.get({ index: 'ix' });
    expect(got.ix.settings?.index).toMatchObject({ number_of_shards: '1', number_of_replicas: '0', provided_name: 'ix' });
    expect(got.ix.mappings).toEqual({ properties: { a: { type: 'long' }, b: { type: 'keyword' } } });
    const taken = await h.raw('PUT', '/ix');
    expect(taken.status).toBe(400);
    expect((taken.json() as ErrorBody).error.type).toBe('resource_already_exists_exception');
    expect((taken.json() as ErrorBody).error.reason).toMatch(/^index \[ix\/[\w-]{22}\] already exists$/);
    const upper = await h.raw('PUT', '/Foo');
    expect(upper.json()).toMatchObject({ error: { type: 'invalid_index_name_exception', reason: 'Invalid index name [Foo], must be lowercase', index_uuid: '_na_' } });
    const unknown = await h.raw('PUT', '/iy', { settings: { 'index.foo': 1 } });
    expect((unknown.json() as ErrorBody).error.reason).toMatch(/^unknown setting \[index.foo\]/);
    expect((await h.raw('HEAD', '/iy')).status).toBe(404);
  });

  it('gets and updates settings', async () => {
    await h.client.indices.create({ index: 'st' });
    const settings = await h.raw('GET', '/st/_settings?flat_settings=true');
    expect((settings.json() as Record<string, { settings: Record<string, unknown> }>).st.settings).toMatchObject({ 'index.number_of_shards': '1', 'index.number_of_replicas': '1' });
    await h.client.indices.putSettings({ index: 'st', settings: { index: { number_of_replicas: 0, refresh_interval: '-1' } } });
    const named = await h.raw('GET', '/st/_settings/index.number_of_replicas');
    expect(named.json()).toEqual({ st: { settings: { index: { number_of_replicas: '0' } } } });
    const nonDynamic = await h.raw('PUT', '/st/_settings', { index: { number_of_shards: 2 } });
    expect((nonDynamic.json() as ErrorBody).error.reason).toMatch(/^Can't update non dynamic settings \[\[index.number_of_shards\]\] for open indices/);
    const health = await h.client.cluster.health({ index: 'st' });
    expect(health.status).toBe('green');
  });

  it('puts and gets mappings', async () => {
    await h.client.indices.create({ index: 'mp' });
    await h.client.indices.putMapping({ index: 'mp', properties: { z: { type: 'keyword' }, y: { type: 'date' } } });
    const res = await h.client.indices.getMapping({ index: 'mp' });
    expect(res).toEqual({ mp: { mappings: { properties: { y: { type: 'date' }, z: { type: 'keyword' } } } } });
    const conflict = await h.raw('PUT', '/mp/_mapping', { properties: { z: { type: 'long' } } });
    expect(conflict.status).toBe(400);
    expect((conflict.json() as ErrorBody).error.reason).toBe('mapper [z] cannot be changed from type [keyword] to [long]');
  });

  it('deletes only concrete names', async () => {
    await h.client.indices.create({ index: 'd1' });
    const wildcard = await h.raw('DELETE', '/d*');
    expect((wildcard.json() as ErrorBody).error.reason).toBe('Wildcard expressions or all indices are not allowed');
    expect(await h.client.indices.delete({ index: 'd1' })).toEqual({ acknowledged: true });
    expect(await h.client.indices.exists({ index: 'd1' })).toBe(false);
    const missing = await h.raw('DELETE', '/d1');
    expect(missing.json()).toMatchObject({ error: { type: 'index_not_found_exception', reason: 'no such index [d1]', 'resource.type': 'index_or_alias', 'resource.id': 'd1' }, status: 404 });
  });

  it('resolves date math index names', async () => {
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '.');
    const created = await h.raw('PUT', `/${encodeURIComponent('<dm-{now/d}>')}`);
    expect(created.json()).toEqual({ acknowledged: true, shards_acknowledged: true, index: `dm-${today}` });
    await h.raw('PUT', `/${encodeURIComponent('<dm-{now/d}>')}/_doc/1?refresh`, { a: 1 });
    expect((await h.raw('GET', `/dm-${today}/_doc/1`)).status).toBe(200);
    const count = await h.raw('GET', `/${encodeURIComponent('<dm-{now/d}>')}/_count`);
    expect((count.json() as { count: number }).count).toBe(1);
  });

  it('refreshes and reports shards', async () => {
    await h.client.indices.create({ index: 'rf', settings: { number_of_replicas: 0 } });
    expect(await h.client.indices.refresh({ index: 'rf' })).toEqual({ _shards: { total: 1, successful: 1, failed: 0 } });
  });

  it('lists indices in _cat without hidden ones', async () => {
    await h.client.indices.create({ index: 'cat-a', settings: { number_of_replicas: 0 } });
    await h.client.indices.create({ index: 'cat-hidden', settings: { hidden: true } });
    await h.client.index({ index: 'cat-a', id: '1', document: { a: 1 }, refresh: true });
    const rows = (await h.raw('GET', '/_cat/indices/cat-*?format=json&h=index,docs.count,health&s=index')).json();
    expect(rows).toEqual([{ index: 'cat-a', 'docs.count': '1', health: 'green' }]);
    const all = (await h.raw('GET', '/_cat/indices/cat-*?format=json&h=index&expand_wildcards=all&s=index:desc')).json();
    expect(all).toEqual([{ index: 'cat-hidden' }, { index: 'cat-a' }]);
    const text = await h.raw('GET', '/_cat/indices/cat-a?v&h=index,pri,rep');
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.text).toBe('index pri rep\ncat-a   1   0\n');
  });

  it('answers cluster health with wait_for_status and timeouts', async () => {
    const health = await h.client.cluster.health();
    expect(health).toMatchObject({ number_of_nodes: 1, number_of_data_nodes: 1, timed_out: false });
    const timedOut = await h.raw('GET', '/_cluster/health/no-such-index?timeout=100ms');
    expect(timedOut.status).toBe(408);
    expect(timedOut.json()).toMatchObject({ status: 'red', timed_out: true });
    const yellow = await h.raw('GET', '/_cluster/health?wait_for_status=yellow&timeout=1s');
    expect(yellow.status).toBe(200);
  });

  it('stores cluster settings', async () => {
    const put = await h.client.cluster.putSettings({ persistent: { 'action.auto_create_index': 'true', search: { max_buckets: 100 } } });
    expect(put).toEqual({ acknowledged: true, persistent: { action: { auto_create_index: 'true' }, search: { max_buckets: '100' } }, transient: {} });
    expect((await h.client.cluster.getSettings()).persistent).toEqual({ action: { auto_create_index: 'true' }, search: { max_buckets: '100' } });
  });
});

describe('aliases', () => {
  it('runs _aliases actions atomically and shows them', async () => {
    await h.client.indices.create({ index: 'al-1' });
    await h.client.indices.create({ index: 'al-2' });
    const res = await h.client.indices.updateAliases({
      actions: [
        { add: { index: 'al-1', alias: 'al', is_write_index: true } },
        { add: { index: 'al-2', alias: 'al', filter: { term: { kind: 'x' } } } },
      ],
    });
    expect(res).toEqual({ acknowledged: true, errors: false });
    const got = await h.client.indices.getAlias({ name: 'al' });
    expect(got).toEqual({ 'al-1': { aliases: { al: { is_write_index: true } } }, 'al-2': { aliases: { al: { filter: { term: { kind: 'x' } } } } } });
    // A failing action leaves nothing applied.
    const bad = await h.raw('POST', '/_aliases', { actions: [{ add: { index: 'al-1', alias: 'other' } }, { add: { index: 'nope', alias: 'other' } }] });
    expect(bad.status).toBe(404);
    expect(await h.client.indices.existsAlias({ name: 'other' })).toBe(false);
    const missed = await h.client.indices.updateAliases({ actions: [{ remove: { index: 'al-1', alias: 'ghost' } }] });
    expect(missed).toMatchObject({ acknowledged: true, errors: true, action_results: [{ action: { type: 'remove', indices: ['al-1'], aliases: ['ghost'] }, status: 404, error: { type: 'aliases_not_found_exception' } }] });
    const mustExist = await h.raw('POST', '/_aliases', { actions: [{ remove: { index: 'al-1', alias: 'ghost', must_exist: true } }] });
    expect(mustExist.status).toBe(404);
    const missingGet = await h.raw('GET', '/_alias/al,ghost');
    expect(missingGet.status).toBe(404);
    expect(missingGet.json()).toMatchObject({ error: 'alias [ghost] missing', status: 404, 'al-1': { aliases: { al: {} } } });
  });

  it('writes through the write index and filters searches', async () => {
    await h.client.index({ index: 'al', id: '1', document: { kind: 'y' }, refresh: true });
    await h.client.index({ index: 'al-2', id: '2', document: { kind: 'x' }, refresh: true });
    await h.client.index({ index: 'al-2', id: '3', document: { kind: 'z' }, refresh: true });
    const hits = await h.client.search({ index: 'al', sort: ['_doc'] });
    expect(hits.hits.hits.map((x) => [x._index, x._id]).sort()).toEqual([['al-1', '1'], ['al-2', '2']]);
    const read = await h.raw('GET', '/al/_doc/1');
    expect((read.json() as ErrorBody).error.reason).toBe("alias [al] has more than one index associated with it [al-1, al-2], can't execute a single index op");
  });

  it('replaces an index by an alias of the same name in one request', async () => {
    await h.client.indices.create({ index: 'swap-old' });
    await h.client.indices.create({ index: 'swap-new' });
    const res = await h.client.indices.updateAliases({ actions: [{ add: { index: 'swap-new', alias: 'swap-old' } }, { remove_index: { index: 'swap-old' } }] });
    expect(res).toEqual({ acknowledged: true, errors: false });
    expect(await h.client.indices.getAlias({ name: 'swap-old' })).toEqual({ 'swap-new': { aliases: { 'swap-old': {} } } });
    const clash = await h.raw('POST', '/_aliases', { actions: [{ add: { index: 'swap-new', alias: 'al-1' } }] });
    expect((clash.json() as ErrorBody).error.type).toBe('invalid_alias_name_exception');
  });

  it('puts and deletes single aliases', async () => {
    await h.client.indices.create({ index: 'pa' });
    expect((await h.raw('PUT', '/pa/_alias/pa-alias', { is_hidden: true })).status).toBe(200);
    expect(await h.client.indices.existsAlias({ name: 'pa-alias' })).toBe(true);
    expect(await h.client.indices.getAlias({ index: 'pa' })).toEqual({ pa: { aliases: { 'pa-alias': { is_hidden: true } } } });
    await h.client.indices.deleteAlias({ index: 'pa', name: 'pa-alias' });
    const again = await h.raw('DELETE', '/pa/_alias/pa-alias');
    expect(again.status).toBe(404);
  });
});

describe('index templates', () => {
  it('applies the highest-priority template with components on auto-create', async () => {
    await h.client.cluster.putComponentTemplate({ name: 'ct-base', template: { mappings: { properties: { '@timestamp': { type: 'date' } } }, settings: { number_of_replicas: 0 } } });
    await h.client.indices.putIndexTemplate({ name: 'tpl-low', index_patterns: ['tpl-*'], priority: 1, template: { settings: { refresh_interval: '5s' } } });
    await h.client.indices.putIndexTemplate({
      name: 'tpl-high',
      index_patterns: ['tpl-*'],
      priority: 10,
      composed_of: ['ct-base'],
      template: { mappings: { properties: { host: { type: 'keyword' } } }, aliases: { 'tpl-alias': {} } },
    });
    await h.client.index({ index: 'tpl-1', id: '1', document: { host: 'a', '@timestamp': '2026-01-01T00:00:00Z', extra: 1 } });
    const got = await h.client.indices.get({ index: 'tpl-1' });
    expect(got['tpl-1'].aliases).toEqual({ 'tpl-alias': {} });
    expect(got['tpl-1'].settings?.index?.number_of_replicas).toBe('0');
    expect(got['tpl-1'].settings?.index?.refresh_interval).toBeUndefined();
    expect(got['tpl-1'].mappings?.properties).toMatchObject({ '@timestamp': { type: 'date' }, host: { type: 'keyword' }, extra: { type: 'long' } });
    const listed = await h.client.indices.getIndexTemplate({ name: 'tpl-high' });
    expect(listed.index_templates[0]).toMatchObject({ name: 'tpl-high', index_template: { index_patterns: ['tpl-*'], priority: 10, composed_of: ['ct-base'] } });
    const shown = await h.client.indices.getIndexTemplate({ name: 'tpl-low' });
    expect(shown.index_templates[0].index_template.template?.settings).toEqual({ index: { refresh_interval: '5s' } });
    expect((await h.raw('POST', '/_index_template/_simulate_index/unmatched')).json()).toEqual({});
    const sim = await h.raw('POST', '/_index_template/_simulate_index/tpl-2');
    expect(sim.json()).toMatchObject({ template: { settings: { index: { number_of_replicas: '0' } }, aliases: { 'tpl-alias': {} } }, overlapping: [{ name: 'tpl-low', index_patterns: ['tpl-*'] }] });
  });

  it('rejects same-priority overlaps, missing components and missing templates', async () => {
    const overlap = await h.raw('PUT', '/_index_template/tpl-dup', { index_patterns: ['tpl-x*'], priority: 10 });
    expect((overlap.json() as ErrorBody).error.reason).toMatch(/that have the same priority \[10\]/);
    const missing = await h.raw('PUT', '/_index_template/tpl-miss', { index_patterns: ['zz*'], composed_of: ['nope'] });
    expect((missing.json() as ErrorBody).error.reason).toMatch(/specifies component templates \[nope\] that do not exist/);
    const get = await h.raw('GET', '/_index_template/nope');
    expect(get.status).toBe(404);
    expect((get.json() as ErrorBody).error.type).toBe('resource_not_found_exception');
    const inUse = await h.raw('DELETE', '/_component_template/ct-base');
    expect((inUse.json() as ErrorBody).error.reason).toMatch(/cannot be removed as they are still in use by index templates \[tpl-high\]/);
  });
});
