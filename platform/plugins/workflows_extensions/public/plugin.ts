import type { CoreSetup, CoreStart, Plugin } from '../../../core/public';
import { StepDefinitionRegistry, type PublicStepDefinition, type WorkflowsExtensionsSetup, type WorkflowsExtensionsStart } from '../common';

export interface WorkflowsExtensionsPublicSetup extends WorkflowsExtensionsSetup<PublicStepDefinition> {
  /** Host-only (the Workflows app): labels and icons of the built-in steps, bypassing the id rules. */
  registerBuiltinStepDefinitions(definitions: readonly PublicStepDefinition[]): void;
}

export interface WorkflowsExtensionsPublicStart extends WorkflowsExtensionsStart<PublicStepDefinition> {
  /** Bumps on every insert. */
  version(): number;
  isBuiltinStepDefinition(id: string): boolean;
}

/** The browser has no platform logger: failures go to the console, as Kibana's browser logger does. */
const consoleLogger = {
  error: (message: string, meta?: Record<string, unknown>) => {
    // eslint-disable-next-line no-console
    console.error(`[workflowsExtensions] ${message}`, meta ?? '');
  },
};

export class WorkflowsExtensionsPublicPlugin implements Plugin<WorkflowsExtensionsPublicSetup, WorkflowsExtensionsPublicStart> {
  readonly registry = new StepDefinitionRegistry<PublicStepDefinition>({ logger: consoleLogger });

  setup(_core: CoreSetup): WorkflowsExtensionsPublicSetup {
    const registry = this.registry;
    return {
      registerStepDefinition: (definitionOrLoader) => registry.register(definitionOrLoader),
      registerBuiltinStepDefinitions: (definitions) => registry.registerBuiltin(definitions),
      isReady: () => registry.isReady(),
    };
  }

  start(_core: CoreStart): WorkflowsExtensionsPublicStart {
    this.registry.lock();
    const registry = this.registry;
    return {
      getStepDefinition: (id) => registry.get(id),
      hasStepDefinition: (id) => registry.has(id),
      getAllStepDefinitions: () => registry.getAll(),
      isReady: () => registry.isReady(),
      version: () => registry.version,
      isBuiltinStepDefinition: (id) => registry.isBuiltin(id),
    };
  }
}
