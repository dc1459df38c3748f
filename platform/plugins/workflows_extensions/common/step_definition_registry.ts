import { STEP_ID_PATTERN, type BaseStepDefinition, type StepDefinitionLoader } from './step_definition';

/**
 * The step registry shared by the server and browser plugins (workflow-engine §0.1): synchronous definitions and async
 * loaders, id rules, and a version that bumps on every insert so callers can cache derived data (the editor schema).
 */

/** Built-in step names plugins may not register (the host registers them itself). */
export const RESERVED_STEP_IDS: readonly string[] = ['if', 'foreach', 'data.set', 'console', 'wait', 'http', 'ai.prompt', 'ai.agent'];
/** Prefixes reserved for the host's Elasticsearch and Kibana operations. */
export const RESERVED_STEP_ID_PREFIXES: readonly string[] = ['elasticsearch.', 'kibana.'];

export const FAILED_TO_REGISTER_MESSAGE = 'Failed to register step definition';

export interface RegistryLogger {
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface StepDefinitionRegistryOptions<TDef> {
  logger: RegistryLogger;
  /** Extra shape checks for a definition (e.g. the server requires a `handler`); throw to reject. */
  validateDefinition?: (definition: TDef) => void;
}

export class StepDefinitionRegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepDefinitionRegistryError';
  }
}

/** Throws when `id` may not be registered by a plugin. */
export function assertValidStepId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id === '') throw new StepDefinitionRegistryError('A step definition needs a non-empty string id.');
  if (RESERVED_STEP_IDS.includes(id)) throw new StepDefinitionRegistryError(`Step id "${id}" is reserved for a built-in step.`);
  const prefix = RESERVED_STEP_ID_PREFIXES.find((reserved) => id.startsWith(reserved));
  if (prefix) throw new StepDefinitionRegistryError(`Step id "${id}" uses the reserved prefix "${prefix}".`);
  if (!STEP_ID_PATTERN.test(id)) {
    throw new StepDefinitionRegistryError(
      `Invalid step id "${id}": it must match ${STEP_ID_PATTERN.source} (a lowercase namespace, a dot, then a name, e.g. "security.renderAlertNarrative").`,
    );
  }
}

const isZodLike = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && typeof (value as { safeParse?: unknown }).safeParse === 'function';

const errorMeta = (error: unknown): Record<string, unknown> =>
  error instanceof Error ? { error: { message: error.message, name: error.name, stack: error.stack } } : { error: String(error) };

export class StepDefinitionRegistry<TDef extends BaseStepDefinition> {
  private readonly definitions = new Map<string, TDef>();
  private readonly builtinIds = new Set<string>();
  private readonly pending: Array<Promise<void>> = [];
  private locked = false;
  private currentVersion = 0;

  constructor(private readonly options: StepDefinitionRegistryOptions<TDef>) {}

  /**
   * A definition is inserted now and throws on an invalid or duplicate id; a loader runs now and its failures
   * (rejection, invalid or duplicate definition) are logged and swallowed. Throws after `lock()`.
   */
  register(definitionOrLoader: TDef | StepDefinitionLoader<TDef>): void {
    if (this.locked) {
      throw new StepDefinitionRegistryError('Step definitions must be registered during setup; the workflowsExtensions plugin has already started.');
    }
    if (typeof definitionOrLoader === 'function') {
      this.pending.push(this.runLoader(definitionOrLoader));
      return;
    }
    this.insert(definitionOrLoader, false);
  }

  /** Host-only: the execution engine's own steps (`console`, `elasticsearch.search`, …) bypass the id rules. */
  registerBuiltin(definitions: readonly TDef[]): void {
    for (const definition of definitions) this.insert(definition, true);
  }

  /** Called when the plugin starts: later registrations throw. */
  lock(): void {
    this.locked = true;
  }

  /** Resolves once every loader registered so far has settled. */
  async isReady(): Promise<void> {
    let settled = 0;
    while (settled < this.pending.length) {
      const batch = this.pending.slice(settled);
      await Promise.allSettled(batch);
      settled += batch.length;
    }
  }

  get(id: string): TDef | undefined {
    return this.definitions.get(id);
  }

  has(id: string): boolean {
    return this.definitions.has(id);
  }

  /** Sorted by id, so derived data (schemas, lists) is deterministic. */
  getAll(): TDef[] {
    return [...this.definitions.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Registered through `registerBuiltin`. */
  isBuiltin(id: string): boolean {
    return this.builtinIds.has(id);
  }

  /** Bumps on every insert. */
  get version(): number {
    return this.currentVersion;
  }

  private async runLoader(loader: StepDefinitionLoader<TDef>): Promise<void> {
    try {
      const definition = await loader();
      if (definition === undefined) return;
      this.insert(definition, false);
    } catch (error) {
      this.options.logger.error(FAILED_TO_REGISTER_MESSAGE, errorMeta(error));
    }
  }

  private insert(definition: TDef, builtin: boolean): void {
    if (definition === null || typeof definition !== 'object') throw new StepDefinitionRegistryError('A step definition must be an object.');
    if (builtin) {
      if (typeof definition.id !== 'string' || definition.id === '') throw new StepDefinitionRegistryError('A step definition needs a non-empty string id.');
    } else {
      assertValidStepId(definition.id);
    }
    if (this.definitions.has(definition.id)) throw new StepDefinitionRegistryError(`Step definition "${definition.id}" is already registered.`);
    if (!isZodLike(definition.inputSchema) || !isZodLike(definition.outputSchema)) {
      throw new StepDefinitionRegistryError(`Step definition "${definition.id}" needs zod inputSchema and outputSchema.`);
    }
    if (definition.configSchema !== undefined && !isZodLike(definition.configSchema)) {
      throw new StepDefinitionRegistryError(`Step definition "${definition.id}" has a configSchema that is not a zod object.`);
    }
    this.options.validateDefinition?.(definition);
    this.definitions.set(definition.id, definition);
    if (builtin) this.builtinIds.add(definition.id);
    this.currentVersion++;
  }
}
