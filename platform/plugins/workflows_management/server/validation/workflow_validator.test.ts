import type { ServerStepDefinition } from '../../../workflows_extensions/common/step_definition';
import { createWorkflowValidator } from '.';

const def = (id: string) => ({ id }) as unknown as ServerStepDefinition;

function setup(options: { withVersion: boolean }) {
  let definitions = [def('a.one')];
  let version = 1;
  let ready = false;
  const registry = {
    getAllStepDefinitions: () => definitions,
    isReady: async () => {
      ready = true;
    },
    ...(options.withVersion ? { version: () => version } : {}),
  };
  const built: Array<{ ids: string[]; loose: boolean }> = [];
  const validated: Array<{ ids: string[]; knownConnectors?: readonly string[] }> = [];
  const validator = createWorkflowValidator({
    registry,
    spec: {
      validateWorkflowYaml: (_yaml, opts) => {
        validated.push({ ids: opts.stepDefinitions.map((d) => d.id), knownConnectors: opts.knownConnectors });
        return { valid: true, diagnostics: [], definition: null, name: 'x', tags: [], triggerTypes: [] };
      },
      buildWorkflowJsonSchema: (defs, { loose }) => {
        built.push({ ids: defs.map((d) => d.id), loose });
        return { ids: defs.map((d) => d.id), loose };
      },
    },
    listKnownConnectors: async (spaceId) => (spaceId === 'none' ? undefined : [`conn-${spaceId}`, 'My GPT']),
  });
  return {
    validator,
    built,
    validated,
    isReady: () => ready,
    register: (id: string, bump = true) => {
      definitions = [...definitions, def(id)];
      if (bump) version += 1;
    },
  };
}

describe('createWorkflowValidator', () => {
  it('waits for the registry, validates with every definition and the space connectors (or without the check)', async () => {
    const s = setup({ withVersion: true });
    await s.validator.validate('yaml', 'team-a');
    expect(s.isReady()).toBe(true);
    await s.validator.validate('yaml', 'none');
    expect(s.validated).toEqual([{ ids: ['a.one'], knownConnectors: ['conn-team-a', 'My GPT'] }, { ids: ['a.one'], knownConnectors: undefined }]);
  });

  it('caches the schema per registry version and loose flag', async () => {
    const s = setup({ withVersion: true });
    expect(await s.validator.getJsonSchema({ loose: false })).toEqual({ ids: ['a.one'], loose: false });
    await s.validator.getJsonSchema({ loose: false });
    await s.validator.getJsonSchema({ loose: true });
    expect(s.built).toHaveLength(2);
    s.register('a.two');
    expect(await s.validator.getJsonSchema({ loose: false })).toEqual({ ids: ['a.one', 'a.two'], loose: false });
    expect(s.built).toHaveLength(3);
  });

  it('falls back to the id list as the version when the registry has no counter', async () => {
    const s = setup({ withVersion: false });
    await s.validator.getJsonSchema({ loose: false });
    await s.validator.getJsonSchema({ loose: false });
    s.register('a.two', false);
    await s.validator.getJsonSchema({ loose: false });
    expect(s.built.map((b) => b.ids)).toEqual([['a.one'], ['a.one', 'a.two']]);
  });
});
