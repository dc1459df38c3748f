import type { WorkflowValidationResult } from '../../../../packages/workflows/definition';
import type { StepRegistry, WorkflowSpec } from './types';

export interface WorkflowValidator {
  validate(yaml: string, spaceId: string): Promise<WorkflowValidationResult>;
  /** Cached per registry version and `loose` (§6.1). */
  getJsonSchema(options: { loose: boolean }): Promise<Record<string, unknown>>;
}

/**
 * Validates against every registered step definition (after the registry's loaders settled) and, for
 * `unknown-connector` warnings, the connector ids and names the space knows.
 */
export function createWorkflowValidator({
  registry,
  spec,
  listKnownConnectors,
}: {
  registry: StepRegistry;
  spec: Pick<WorkflowSpec, 'validateWorkflowYaml' | 'buildWorkflowJsonSchema'>;
  /** `undefined` when no connector source exists: the check is skipped rather than warning on every id. */
  listKnownConnectors: (spaceId: string) => Promise<string[] | undefined>;
}): WorkflowValidator {
  let cacheKey: string | undefined;
  const schemas = new Map<boolean, Record<string, unknown>>();

  const registryVersion = (): string => {
    const explicit = registry.version?.();
    if (explicit !== undefined) return String(explicit);
    // Without a version counter the sorted id list identifies the registry's content.
    return registry
      .getAllStepDefinitions()
      .map((d) => d.id)
      .sort()
      .join(',');
  };

  return {
    async validate(yaml, spaceId) {
      await registry.isReady();
      const knownConnectors = await listKnownConnectors(spaceId);
      return spec.validateWorkflowYaml(yaml, {
        stepDefinitions: registry.getAllStepDefinitions(),
        ...(knownConnectors ? { knownConnectors } : {}),
      });
    },

    async getJsonSchema({ loose }) {
      await registry.isReady();
      const version = registryVersion();
      if (version !== cacheKey) {
        schemas.clear();
        cacheKey = version;
      }
      const cached = schemas.get(loose);
      if (cached) return cached;
      const schema = spec.buildWorkflowJsonSchema(registry.getAllStepDefinitions(), { loose });
      schemas.set(loose, schema);
      return schema;
    },
  };
}
