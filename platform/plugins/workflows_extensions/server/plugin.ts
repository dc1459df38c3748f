import type { CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from '../../../core/server';
import {
  StepDefinitionRegistry,
  StepDefinitionRegistryError,
  type ServerStepDefinition,
  type WorkflowsExtensionsSetup,
  type WorkflowsExtensionsStart,
} from '../common';
import { registerGetStepDefinitionsRoute } from './routes/get_step_definitions_route';

export interface WorkflowsExtensionsServerSetup extends WorkflowsExtensionsSetup<ServerStepDefinition> {
  /**
   * Host-only (the execution engine): registers the built-in leaf steps (`data.set`, `console`, `elasticsearch.search`,
   * …) through the same registry, bypassing the id rules. Plugins must use `registerStepDefinition`.
   */
  registerBuiltinStepDefinitions(definitions: readonly ServerStepDefinition[]): void;
}

export interface WorkflowsExtensionsServerStart extends WorkflowsExtensionsStart<ServerStepDefinition> {
  /** Bumps on every insert; cache derived data (the editor JSON Schema) per version. */
  version(): number;
  /** True for the host's built-ins. */
  isBuiltinStepDefinition(id: string): boolean;
}

export class WorkflowsExtensionsServerPlugin
  implements Plugin<WorkflowsExtensionsServerSetup, WorkflowsExtensionsServerStart, object, object, CoreSetup, CoreStart>
{
  private readonly logger: Logger;
  readonly registry: StepDefinitionRegistry<ServerStepDefinition>;

  constructor(context: PluginInitializerContext) {
    this.logger = context.logger.get();
    this.registry = new StepDefinitionRegistry<ServerStepDefinition>({
      logger: this.logger,
      validateDefinition: (definition) => {
        if (typeof definition.handler !== 'function') {
          throw new StepDefinitionRegistryError(`Step definition "${definition.id}" needs a handler function.`);
        }
      },
    });
  }

  setup(core: CoreSetup): WorkflowsExtensionsServerSetup {
    registerGetStepDefinitionsRoute(core.http.createRouter(), this.registry);
    const registry = this.registry;
    return {
      registerStepDefinition: (definitionOrLoader) => registry.register(definitionOrLoader),
      registerBuiltinStepDefinitions: (definitions) => registry.registerBuiltin(definitions),
      isReady: () => registry.isReady(),
    };
  }

  start(): WorkflowsExtensionsServerStart {
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
