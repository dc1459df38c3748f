import { firstValueFrom, take, toArray } from 'rxjs';
import { createLoggerFactory, createMemorySink } from '../logging';
import { FeatureFlagsService } from '.';

function create(overrides: Record<string, unknown>) {
  const memory = createMemorySink();
  const service = new FeatureFlagsService(overrides, createLoggerFactory({ levels: {}, sink: memory.sink }).get('ff'));
  return { service, memory };
}

describe('feature flags', () => {
  it('returns overrides, else the fallback', async () => {
    const { service } = create({ 'a.enabled': true, 'b.enabled': false, mode: 'fast', n: 3 });
    const start = service.start();
    expect(await start.getBooleanValue('a.enabled', false)).toBe(true);
    expect(await start.getBooleanValue('b.enabled', true)).toBe(false);
    expect(await start.getBooleanValue('c.enabled', true)).toBe(true);
    expect(await start.getStringValue('mode', 'slow')).toBe('fast');
    expect(await start.getNumberValue('n', 1)).toBe(3);
  });

  it('ignores an override of the wrong type and says so', async () => {
    const { service, memory } = create({ 'a.enabled': 'yes' });
    expect(await service.start().getBooleanValue('a.enabled', false)).toBe(false);
    expect(memory.records[0].message).toContain('Feature flag a.enabled is overridden with a string');
  });

  it('emits on change through getBooleanValue$', async () => {
    const { service } = create({});
    const start = service.start();
    const values = firstValueFrom(start.getBooleanValue$('x', false).pipe(take(3), toArray()));
    service.setup().setOverrides({ x: true });
    service.setup().setOverrides({ other: 1 });
    service.setup().setOverrides({ x: false });
    expect(await values).toEqual([false, true, false]);
  });
});
