import { z } from 'zod/v4';
import type { CoreSetup, CoreStart } from '../../../core/public';
import type { PublicStepDefinition } from '../common';
import { plugin } from './index';

const def = (id: string): PublicStepDefinition => ({ id, label: id, inputSchema: z.object({}), outputSchema: z.unknown(), icon: 'gear' });

describe('workflowsExtensions public plugin', () => {
  it('registers in setup, serves definitions in start and refuses late registrations', async () => {
    const instance = plugin({ opaqueId: 'x', config: { get: <T>() => ({}) as T }, env: { packageInfo: { version: '9.4.0' } } });
    const setup = instance.setup({} as CoreSetup);
    setup.registerStepDefinition(def('security.b'));
    setup.registerStepDefinition(async () => def('security.a'));
    setup.registerBuiltinStepDefinitions([def('console')]);
    const start = instance.start({} as CoreStart);
    await start.isReady();
    expect(start.getAllStepDefinitions().map((d) => d.id)).toEqual(['console', 'security.a', 'security.b']);
    expect(start.getStepDefinition('security.a')?.label).toBe('security.a');
    expect(start.hasStepDefinition('nope.x')).toBe(false);
    expect(start.isBuiltinStepDefinition('console')).toBe(true);
    expect(start.version()).toBe(3);
    expect(() => setup.registerStepDefinition(def('security.c'))).toThrow('already started');
  });

  it('logs a failing loader to the console and keeps going', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const instance = plugin({ opaqueId: 'x', config: { get: <T>() => ({}) as T }, env: { packageInfo: { version: '9.4.0' } } });
      const setup = instance.setup({} as CoreSetup);
      setup.registerStepDefinition(async () => {
        throw new Error('lazy chunk failed');
      });
      const start = instance.start({} as CoreStart);
      await start.isReady();
      expect(start.getAllStepDefinitions()).toEqual([]);
      expect(spy).toHaveBeenCalledWith('[workflowsExtensions] Failed to register step definition', expect.objectContaining({ error: expect.objectContaining({ message: 'lazy chunk failed' }) }));
    } finally {
      spy.mockRestore();
    }
  });
});
