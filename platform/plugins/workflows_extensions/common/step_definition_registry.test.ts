import { z } from 'zod/v4';
import type { BaseStepDefinition } from './step_definition';
import { FAILED_TO_REGISTER_MESSAGE, StepDefinitionRegistry, assertValidStepId } from './step_definition_registry';

const def = (id: string, extra: Partial<BaseStepDefinition> = {}): BaseStepDefinition => ({
  id,
  inputSchema: z.object({ a: z.string() }),
  outputSchema: z.object({ b: z.number() }),
  ...extra,
});

const setup = () => {
  const errors: Array<{ message: string; meta?: Record<string, unknown> }> = [];
  const registry = new StepDefinitionRegistry<BaseStepDefinition>({ logger: { error: (message, meta) => errors.push({ message, meta }) } });
  return { registry, errors };
};

describe('StepDefinitionRegistry', () => {
  it('registers a definition synchronously and lists it sorted by id', () => {
    const { registry } = setup();
    registry.register(def('security.zeta'));
    registry.register(def('security.alpha'));
    expect(registry.has('security.alpha')).toBe(true);
    expect(registry.get('security.zeta')?.id).toBe('security.zeta');
    expect(registry.getAll().map((d) => d.id)).toEqual(['security.alpha', 'security.zeta']);
    expect(registry.get('nope.x')).toBeUndefined();
  });

  it('throws on a duplicate id', () => {
    const { registry } = setup();
    registry.register(def('security.a'));
    expect(() => registry.register(def('security.a'))).toThrow('Step definition "security.a" is already registered.');
  });

  it.each([
    ['console', 'reserved for a built-in step'],
    ['data.set', 'reserved for a built-in step'],
    ['ai.agent', 'reserved for a built-in step'],
    ['elasticsearch.custom', 'reserved prefix "elasticsearch."'],
    ['kibana.thing', 'reserved prefix "kibana."'],
    ['nodot', 'Invalid step id "nodot"'],
    ['Upper.case', 'Invalid step id'],
    ['a.1bad', 'Invalid step id'],
    ['a..b', 'Invalid step id'],
  ])('rejects the id %s', (id, message) => {
    const { registry } = setup();
    expect(() => registry.register(def(id))).toThrow(message);
  });

  it('accepts ids matching the pattern', () => {
    expect(() => assertValidStepId('security.renderAlertNarrative')).not.toThrow();
    expect(() => assertValidStepId('my_plugin.sub.step-name_2')).not.toThrow();
  });

  it('rejects definitions without zod schemas', () => {
    const { registry } = setup();
    expect(() => registry.register({ id: 'a.b' } as unknown as BaseStepDefinition)).toThrow('needs zod inputSchema and outputSchema');
  });

  it('runs loaders, skips undefined, and isReady waits for all of them', async () => {
    const { registry, errors } = setup();
    let release: (value: BaseStepDefinition) => void = () => undefined;
    registry.register(() => new Promise<BaseStepDefinition>((resolve) => (release = resolve)));
    registry.register(async () => undefined);
    let ready = false;
    const readyPromise = registry.isReady().then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    expect(registry.has('slow.step')).toBe(false);
    release(def('slow.step'));
    await readyPromise;
    expect(ready).toBe(true);
    expect(registry.getAll().map((d) => d.id)).toEqual(['slow.step']);
    expect(errors).toEqual([]);
  });

  it('logs and swallows a rejecting loader and an invalid or duplicate loaded definition', async () => {
    const { registry, errors } = setup();
    registry.register(def('dup.step'));
    registry.register(async () => {
      throw new Error('feature store unavailable');
    });
    registry.register(async () => def('kibana.bad'));
    registry.register(async () => def('dup.step'));
    registry.register(async () => def('good.step'));
    await expect(registry.isReady()).resolves.toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual([FAILED_TO_REGISTER_MESSAGE, FAILED_TO_REGISTER_MESSAGE, FAILED_TO_REGISTER_MESSAGE]);
    expect(errors[0].meta).toMatchObject({ error: { message: 'feature store unavailable' } });
    expect(errors[1].meta).toMatchObject({ error: { message: expect.stringContaining('reserved prefix') } });
    expect(errors[2].meta).toMatchObject({ error: { message: expect.stringContaining('already registered') } });
    expect(registry.getAll().map((d) => d.id)).toEqual(['dup.step', 'good.step']);
  });

  it('throws when registering after lock, but loaders registered before still land', async () => {
    const { registry } = setup();
    registry.register(async () => def('late.loader'));
    registry.lock();
    expect(() => registry.register(def('too.late'))).toThrow('already started');
    expect(() => registry.register(async () => def('too.late'))).toThrow('already started');
    await registry.isReady();
    expect(registry.has('late.loader')).toBe(true);
  });

  it('lets the host register built-ins that bypass the id rules, and marks them', () => {
    const { registry } = setup();
    registry.registerBuiltin([def('console'), def('elasticsearch.search'), def('if')]);
    registry.register(def('security.x'));
    expect(registry.isBuiltin('console')).toBe(true);
    expect(registry.isBuiltin('security.x')).toBe(false);
    expect(() => registry.registerBuiltin([def('console')])).toThrow('already registered');
  });

  it('bumps the version on every insert only', async () => {
    const { registry } = setup();
    expect(registry.version).toBe(0);
    registry.register(def('a.one'));
    expect(registry.version).toBe(1);
    expect(() => registry.register(def('a.one'))).toThrow();
    expect(registry.version).toBe(1);
    registry.register(async () => def('a.two'));
    registry.register(async () => undefined);
    await registry.isReady();
    expect(registry.version).toBe(2);
    registry.registerBuiltin([def('console'), def('wait')]);
    expect(registry.version).toBe(4);
  });

  it('applies the extra validation hook', () => {
    const registry = new StepDefinitionRegistry<BaseStepDefinition>({
      logger: { error: () => undefined },
      validateDefinition: (d) => {
        if (!d.label) throw new Error(`"${d.id}" needs a label`);
      },
    });
    expect(() => registry.register(def('a.b'))).toThrow('"a.b" needs a label');
    registry.register(def('a.b', { label: 'AB' }));
    expect(registry.has('a.b')).toBe(true);
  });
});
