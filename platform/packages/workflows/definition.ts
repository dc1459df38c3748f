/**
 * The parsed, validated shape of a workflow YAML (workflow-engine §1). The zod schema in this package produces exactly
 * these types; the execution engine and the management API consume them. Keys keep the YAML spelling.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface RetryPolicy {
  'max-attempts': number;
  delay?: string;
  strategy?: 'fixed' | 'exponential';
  multiplier?: number;
  'max-delay'?: string;
  jitter?: boolean;
  /** KQL over `{error}`; defaults to always. */
  condition?: string;
}

export interface OnFailurePolicy {
  retry?: RetryPolicy;
  fallback?: WorkflowStep[];
  continue?: boolean | string;
}

export interface MaxIterations {
  limit: number;
  'on-limit': 'continue' | 'fail';
}

/** Fields every step may carry (§1.3). Config keys of registered steps (e.g. `agent-id`) sit at the top level too. */
export interface BaseStep {
  name: string;
  type: string;
  with?: Record<string, unknown>;
  if?: string | boolean;
  foreach?: string | unknown[];
  'max-iterations'?: number | MaxIterations;
  timeout?: string;
  'connector-id'?: string;
  'on-failure'?: OnFailurePolicy;
  'max-step-size'?: string;
  [configKey: string]: unknown;
}

export interface IfStep extends BaseStep {
  type: 'if';
  condition: string | boolean;
  steps: WorkflowStep[];
  else?: WorkflowStep[];
}

export interface ForeachStep extends BaseStep {
  type: 'foreach';
  foreach: string | unknown[];
  steps: WorkflowStep[];
}

export type WorkflowStep = IfStep | ForeachStep | BaseStep;

export type WorkflowInputType = 'string' | 'number' | 'boolean' | 'choice' | 'array';

export interface WorkflowInputField {
  name: string;
  type: WorkflowInputType;
  description?: string;
  default?: unknown;
  required?: boolean;
  options?: unknown[];
  minItems?: number;
  maxItems?: number;
}

/** The array form or a JSON-Schema object `{properties, required?}`. */
export type WorkflowInputs = WorkflowInputField[] | { properties: Record<string, unknown>; required?: string[]; [key: string]: unknown };

export type WorkflowTrigger =
  | { type: 'manual'; inputs?: WorkflowInputs }
  | { type: 'alert'; with?: Record<string, unknown> }
  | { type: 'scheduled'; with: { every: string } };

export interface ConcurrencySettings {
  key?: string;
  strategy?: 'queue' | 'drop' | 'cancel-in-progress';
  max?: number;
  'queue-size'?: number;
  'queue-ttl'?: string;
}

export interface WorkflowSettings {
  timeout?: string;
  'on-failure'?: OnFailurePolicy;
  concurrency?: ConcurrencySettings;
  'max-step-size'?: string;
  liquid?: { parseLimit?: number; renderLimit?: number; memoryLimit?: number };
  timezone?: string;
}

export interface WorkflowDefinition {
  version: '1';
  name: string;
  description?: string;
  enabled: boolean;
  tags?: string[];
  settings?: WorkflowSettings;
  triggers: WorkflowTrigger[];
  /** Normalised: the manual trigger's inputs win over top-level ones. */
  inputs?: WorkflowInputs;
  consts?: Record<string, JsonValue>;
  steps: WorkflowStep[];
}

/** A validation finding (§1.5); positions are 1-based. */
export interface WorkflowDiagnostic {
  severity: 'error' | 'warning';
  code:
    | 'yaml-syntax'
    | 'schema'
    | 'duplicate-step-name'
    | 'unknown-step-type'
    | 'liquid-syntax'
    | 'kql-syntax'
    | 'invalid-duration'
    | 'invalid-size'
    | 'unknown-key'
    | 'condition-free-text'
    | 'space-unaware-path'
    | 'unknown-connector'
    | 'yaml-too-large';
  message: string;
  /** YAML path, e.g. `['steps', 2, 'with', 'index']`. */
  path: Array<string | number>;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface WorkflowValidationResult {
  valid: boolean;
  diagnostics: WorkflowDiagnostic[];
  /** Present only when valid. */
  definition: WorkflowDefinition | null;
  /** From the YAML even when invalid, else `Untitled workflow`. */
  name: string;
  description?: string;
  tags: string[];
  triggerTypes: string[];
}
