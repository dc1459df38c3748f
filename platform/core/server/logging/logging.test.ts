import { createLoggerFactory, createMemorySink, formatJson, formatText, resolveLevel } from '.';

describe('logging', () => {
  it('resolves the level from the longest configured dotted prefix', () => {
    const levels = { root: 'warn', plugins: 'info', 'plugins.foo': 'debug' } as const;
    expect(resolveLevel('plugins.foo.bar', levels)).toBe('debug');
    expect(resolveLevel('plugins.other', levels)).toBe('info');
    expect(resolveLevel('http.server', levels)).toBe('warn');
    expect(resolveLevel('x', {})).toBe('info');
  });

  it('filters by level and names child loggers', () => {
    const memory = createMemorySink();
    const factory = createLoggerFactory({ levels: { root: 'info', 'plugins.foo': 'debug' }, sink: memory.sink });
    const foo = factory.get('plugins', 'foo');
    foo.debug('visible', { id: 1 });
    factory.get('http').debug('hidden');
    foo.get('child').trace('hidden too');
    foo.get('child').error(new Error('boom'));
    expect(memory.records.map((r) => [r.logger, r.level, r.message])).toEqual([
      ['plugins.foo', 'debug', 'visible'],
      ['plugins.foo.child', 'error', 'boom'],
    ]);
    expect(memory.records[1].error?.message).toBe('boom');
    expect(factory.get('x').isLevelEnabled('debug')).toBe(false);
  });

  it('turns a logger off', () => {
    const memory = createMemorySink();
    createLoggerFactory({ levels: { noisy: 'off' }, sink: memory.sink }).get('noisy').fatal('x');
    expect(memory.records).toEqual([]);
  });

  it('formats json and text lines', () => {
    const record = {
      timestamp: new Date('2024-01-02T03:04:05.000Z'),
      level: 'info' as const,
      logger: 'plugins.foo',
      message: 'Installed workflow',
      meta: { id: 'w 1', spaceId: 'default', version: 2 },
    };
    expect(JSON.parse(formatJson(record))).toEqual({
      '@timestamp': '2024-01-02T03:04:05.000Z',
      log: { level: 'INFO', logger: 'plugins.foo' },
      message: 'Installed workflow',
      id: 'w 1',
      spaceId: 'default',
      version: 2,
    });
    expect(formatText(record)).toBe(
      '[2024-01-02T03:04:05.000Z][INFO ][plugins.foo] Installed workflow id="w 1" spaceId=default version=2'
    );
  });
});
