import { findConnectorByIdOrName, resolveDefaultConnector } from './default_connector';

const c = (id: string, name: string, isPreconfigured = false, isMissingSecrets = false) => ({ id, name, isPreconfigured, isMissingSecrets });

describe('default connector resolution (assistant.md §3.5)', () => {
  const all = [c('b', 'beta'), c('p2', 'Zed preset', true), c('a', 'Alpha'), c('p1', 'preset one', true)];

  it('prefers the space setting, by id or by name', () => {
    expect(resolveDefaultConnector(all, { spaceSettingId: 'a', configDefaultId: 'b' })).toEqual({
      connector: all[2],
      source: 'space_setting',
    });
    expect(resolveDefaultConnector(all, { spaceSettingId: 'beta' })?.connector.id).toBe('b');
  });

  it('falls back to config, reporting a space setting that no longer exists', () => {
    expect(resolveDefaultConnector(all, { spaceSettingId: 'gone', configDefaultId: 'b' })).toEqual({
      connector: all[0],
      source: 'config',
      missing: { source: 'space_setting', id: 'gone' },
    });
  });

  it('then the only connector, then the first preconfigured, then the first by name', () => {
    expect(resolveDefaultConnector([c('x', 'X')])).toEqual({ connector: c('x', 'X'), source: 'only_connector' });
    expect(resolveDefaultConnector(all)).toEqual({ connector: all[3], source: 'preconfigured' });
    const stored = [c('b', 'beta'), c('a', 'Alpha'), c('z', 'alpha')];
    expect(resolveDefaultConnector(stored, { configDefaultId: 'nope' })).toEqual({
      connector: stored[1],
      source: 'first_by_name',
      missing: { source: 'config', id: 'nope' },
    });
  });

  it('skips connectors with missing secrets in the automatic steps only', () => {
    const list = [c('m', 'missing', false, true), c('ok', 'usable')];
    expect(resolveDefaultConnector(list)?.connector.id).toBe('ok');
    expect(resolveDefaultConnector(list, { spaceSettingId: 'm' })?.connector.id).toBe('m');
    expect(resolveDefaultConnector([c('m', 'missing', false, true)])).toBeUndefined();
    expect(resolveDefaultConnector([])).toBeUndefined();
  });

  it('finds by id first, then by exact name', () => {
    const list = [c('gpt41Azure', 'other'), c('x', 'gpt41Azure')];
    expect(findConnectorByIdOrName(list, 'gpt41Azure')?.id).toBe('gpt41Azure');
    expect(findConnectorByIdOrName([c('x', 'gpt41Azure')], 'gpt41Azure')?.id).toBe('x');
    expect(findConnectorByIdOrName(list, 'GPT41AZURE')).toBeUndefined();
  });
});
