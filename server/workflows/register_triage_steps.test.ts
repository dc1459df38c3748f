import type { CoreSetup } from '../../platform/core/server';
import type { ServerStepDefinition, StepDefinitionLoader } from '../../platform/plugins/workflows_extensions/common/step_definition';
import { ALERT_TRIAGE_STEP_IDS, REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG } from '../../common/workflows';
import { registerTriageSteps } from './register_triage_steps';

const logger = () => {
  const warnings: string[] = [];
  const log = { warn: (m: string) => warnings.push(m), info: () => {}, debug: () => {}, error: () => {}, get: () => log };
  return { log, warnings };
};

/** Registers with a recording `workflowsExtensions` and settles every loader, as the registry does. */
async function register(readFlag: (key: string, fallback: boolean) => Promise<boolean>) {
  const loaders: Array<ServerStepDefinition | StepDefinitionLoader<ServerStepDefinition>> = [];
  const core = {
    getStartServices: async () => [{ featureFlags: { getBooleanValue: readFlag } }, {}, {}],
  } as unknown as CoreSetup;
  const { log, warnings } = logger();
  registerTriageSteps({
    core,
    workflowsExtensions: { registerStepDefinition: (d) => loaders.push(d), isReady: async () => {} },
    logger: log as never,
  });
  const settled = await Promise.all(loaders.map((l) => (typeof l === 'function' ? l() : Promise.resolve(l))));
  return { loaders, settled, warnings };
}

describe('registerTriageSteps', () => {
  it('registers one async loader per step without reading the flag during setup', async () => {
    const readFlag = jest.fn(async () => true);
    const loaders: unknown[] = [];
    const core = { getStartServices: () => new Promise(() => {}) } as unknown as CoreSetup;
    registerTriageSteps({
      core,
      workflowsExtensions: { registerStepDefinition: (d) => loaders.push(d), isReady: async () => {} },
      logger: logger().log as never,
    });
    expect(loaders).toHaveLength(3);
    expect(loaders.every((l) => typeof l === 'function')).toBe(true);
    expect(readFlag).not.toHaveBeenCalled();
  });

  it('loads the three definitions with handlers when the flag is on, reading it once', async () => {
    const readFlag = jest.fn(async () => true);
    const { settled } = await register(readFlag);
    expect(settled.map((d) => d?.id).sort()).toEqual([...ALERT_TRIAGE_STEP_IDS].sort());
    expect(settled.every((d) => typeof d?.handler === 'function')).toBe(true);
    expect(readFlag).toHaveBeenCalledTimes(1);
    expect(readFlag).toHaveBeenCalledWith(REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG, true);
  });

  it('resolves every loader to undefined (skip) when the flag is off', async () => {
    const { settled } = await register(async () => false);
    expect(settled).toEqual([undefined, undefined, undefined]);
  });

  it('falls back to the default (on) with a warning when the flag read fails', async () => {
    const { settled, warnings } = await register(async () => {
      throw new Error('flag service down');
    });
    expect(settled.filter(Boolean)).toHaveLength(3);
    expect(warnings[0]).toContain(REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG);
  });
});
