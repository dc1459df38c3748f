import type { z } from 'zod/v4';
import type { Client } from '@elastic/elasticsearch';
import type { KibanaRequest } from '../../../core/server';

/**
 * Step definitions plugins register with `workflowsExtensions` (workflow-engine §0.1), shaped after
 * `@kbn/workflows-extensions`. The host's own leaf built-ins use the same shapes.
 */
export enum StepCategory {
  Ai = 'ai',
  Data = 'data',
  Elasticsearch = 'elasticsearch',
  External = 'external',
  FlowControl = 'flowControl',
  Kibana = 'kibana',
}

export type StepStability = 'experimental' | 'tech_preview' | 'beta' | 'ga';

export interface StepDocumentation {
  /** Markdown shown in the editor's hover and step picker. */
  readonly details?: string;
  readonly url?: string;
  /** YAML snippets; the picker inserts the first one. */
  readonly examples?: readonly string[];
}

export interface BaseStepDefinition<TInput extends z.ZodType = z.ZodType, TOutput extends z.ZodType = z.ZodType, TConfig extends z.ZodObject = z.ZodObject> {
  readonly id: string;
  readonly inputSchema: TInput;
  readonly outputSchema: TOutput;
  /** Top-level step keys besides `with` (e.g. `agent-id`), rendered and parsed like `with`. */
  readonly configSchema?: TConfig;
  readonly label?: string;
  readonly description?: string;
  readonly category?: StepCategory | string;
  readonly stability?: StepStability;
  readonly documentation?: StepDocumentation;
}

export interface StepLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface CallKibanaApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
}

/** The execution context a step sees (workflow-engine §3.4): plain JSON, deep-cloned. */
export interface WorkflowContext {
  readonly inputs?: Record<string, unknown>;
  readonly event?: Record<string, unknown>;
  readonly consts?: Record<string, unknown>;
  readonly execution: { id: string; isTestRun: boolean; startedAt: string; url: string; executedBy: string; triggeredBy: string };
  readonly workflow: { id: string; name: string; enabled: boolean; spaceId: string };
  readonly kibanaUrl: string;
  readonly now: string;
  readonly steps: Record<string, { input?: unknown; output?: unknown; error?: unknown; [state: string]: unknown }>;
  readonly variables: Record<string, unknown>;
  readonly foreach?: { item: unknown; index: number; items: unknown[]; total: number };
  readonly error?: { type: string; message: string; details?: unknown };
}

export interface StepContextManager {
  getContext(): WorkflowContext;
  /** Renders Liquid templates in `value` (§3.2) against the context plus `extra`. */
  renderInputTemplate<T = unknown>(value: T, extra?: Record<string, unknown>): unknown;
  /** Elasticsearch as the execution identity where the host supports it, otherwise the host client. */
  getScopedEsClient(): Client;
  /** A host request carrying the execution identity and space. */
  getFakeRequest(): KibanaRequest;
  /** The host router in-process as the execution identity; throws `KibanaApiError` when status ≥ 400. */
  callKibanaApi<T = unknown>(request: CallKibanaApiRequest): Promise<T>;
}

export interface StepHandlerContext<TInput = unknown, TConfig = Record<string, unknown>> {
  /** `with`, rendered then parsed by `inputSchema` (defaults and coercion applied). */
  readonly input: TInput;
  /** The unrendered `with`. */
  readonly rawInput: unknown;
  readonly config: TConfig;
  readonly contextManager: StepContextManager;
  /** Writes to the execution log. */
  readonly logger: StepLogger;
  /** Fires on cancel or timeout. */
  readonly abortSignal: AbortSignal;
  readonly stepId: string;
  readonly stepType: string;
}

/** A thrown error counts as `{error}`. */
export type StepHandlerResult<TOutput = unknown> = { output: TOutput; error?: undefined } | { error: Error; output?: TOutput };

export interface ServerStepDefinition<TInput extends z.ZodType = z.ZodType, TOutput extends z.ZodType = z.ZodType, TConfig extends z.ZodObject = z.ZodObject>
  extends BaseStepDefinition<TInput, TOutput, TConfig> {
  handler(context: StepHandlerContext<z.output<TInput>, z.output<TConfig>>): Promise<StepHandlerResult<z.input<TOutput>>>;
  /** Best effort, after an abort. */
  onCancel?(context: StepHandlerContext<z.output<TInput>, z.output<TConfig>>): Promise<void> | void;
}

/** An EUI icon name, a React component, or a lazy import of one (kept structural so common stays DOM-free). */
export type StepIcon = string | ((props: Record<string, unknown>) => unknown) | (() => Promise<{ default: unknown }>);

export interface PublicStepDefinition<TInput extends z.ZodType = z.ZodType, TOutput extends z.ZodType = z.ZodType, TConfig extends z.ZodObject = z.ZodObject>
  extends BaseStepDefinition<TInput, TOutput, TConfig> {
  readonly label: string;
  readonly icon?: StepIcon;
}

/** Resolving to `undefined` means "skip" (feature off). */
export type StepDefinitionLoader<TDef> = () => Promise<TDef | undefined>;

export const STEP_ID_PATTERN = /^[a-z][a-zA-Z0-9_-]*(\.[a-zA-Z][a-zA-Z0-9_-]*)+$/;

export const createServerStepDefinition = <TInput extends z.ZodType, TOutput extends z.ZodType, TConfig extends z.ZodObject = z.ZodObject>(
  definition: ServerStepDefinition<TInput, TOutput, TConfig>,
): ServerStepDefinition<TInput, TOutput, TConfig> => definition;

export const createPublicStepDefinition = <TInput extends z.ZodType, TOutput extends z.ZodType, TConfig extends z.ZodObject = z.ZodObject>(
  definition: PublicStepDefinition<TInput, TOutput, TConfig>,
): PublicStepDefinition<TInput, TOutput, TConfig> => definition;

/** Setup and start contracts, the same on server and public (`TDef` differs). */
export interface WorkflowsExtensionsSetup<TDef> {
  /** Throws on a duplicate id, an invalid id, or a call after setup. */
  registerStepDefinition(definitionOrLoader: TDef | StepDefinitionLoader<TDef>): void;
  /** Resolves once every loader has settled. */
  isReady(): Promise<void>;
}

export interface WorkflowsExtensionsStart<TDef> {
  getStepDefinition(id: string): TDef | undefined;
  hasStepDefinition(id: string): boolean;
  getAllStepDefinitions(): TDef[];
  isReady(): Promise<void>;
}
