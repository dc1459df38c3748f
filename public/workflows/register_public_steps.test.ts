import type { PublicStepDefinition, StepDefinitionLoader } from '../../platform/plugins/workflows_extensions/common/step_definition';
import { ALERT_TRIAGE_STEP_IDS, REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG } from '../../common/workflows/constants';
import { registerPublicStepDefinitions } from './register_public_steps';

async function registerWith(flags: Record<string, boolean>) {
  const loaders: Array<PublicStepDefinition | StepDefinitionLoader<PublicStepDefinition>> = [];
  registerPublicStepDefinitions({
    core: {
      featureFlags: {
        getBooleanValue: (key: string, fallback: boolean) => flags[key] ?? fallback,
        getBooleanValue$: () => {
          throw new Error('not used');
        },
        getStringValue: (_key: string, fallback: string) => fallback,
      },
    },
    workflowsExtensions: { registerStepDefinition: (d) => loaders.push(d), isReady: async () => {} },
  });
  return Promise.all(loaders.map((l) => (typeof l === 'function' ? l() : Promise.resolve(l))));
}

describe('registerPublicStepDefinitions', () => {
  it('offers the three steps with label, icon, docs and examples when the flag is on (the default)', async () => {
    const definitions = await registerWith({});
    expect(definitions.map((d) => d?.id)).toEqual([...ALERT_TRIAGE_STEP_IDS]);
    for (const d of definitions) {
      expect(d?.label).toBeTruthy();
      expect(typeof d?.icon).toBe('string');
      expect(d?.documentation?.examples?.length).toBeGreaterThan(0);
    }
  });

  it('offers nothing when the flag is off', async () => {
    expect(await registerWith({ [REGISTER_ALERT_VALIDATION_STEPS_FEATURE_FLAG]: false })).toEqual([undefined, undefined, undefined]);
  });
});
