import type { Liquid } from 'liquidjs';
import type { BaseStepDefinition } from '../../../plugins/workflows_extensions/common/step_definition';
import type { WorkflowDefinition, WorkflowValidationResult } from '../definition';
import { createWorkflowLiquid } from '../liquid/create_workflow_liquid';
import { workflowSchema } from '../schema/workflow_schema';
import { DiagnosticCollector } from './diagnostics';
import { reportSchemaIssues } from './schema_issues';
import { WorkflowTreeChecker } from './tree_checks';
import { MAX_WORKFLOW_YAML_BYTES, WorkflowYamlDocument } from './yaml_document';
import {
  MAX_WORKFLOW_ALIAS_COUNT,
  MAX_WORKFLOW_STEPS,
  MAX_WORKFLOW_YAML_DEPTH,
  checkExpandedValue,
  countRawSteps,
  describeExpandedBreach,
  estimateYamlDepthExceeds,
} from './yaml_limits';

export const UNTITLED_WORKFLOW_NAME = 'Untitled workflow';

export interface ValidateWorkflowYamlOptions {
  /** Registered step ids plus the host's leaf built-ins (`data.set`, `http`, `elasticsearch.search`, …). */
  stepDefinitions: readonly BaseStepDefinition[];
  /** Connector ids and names; a literal `connector-id` not in the list is a warning. Omit to skip the check. */
  knownConnectors?: readonly string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Name, description, tags and trigger types, read even from an invalid workflow. */
function extractSummary(raw: unknown): Pick<WorkflowValidationResult, 'name' | 'description' | 'tags' | 'triggerTypes'> {
  if (!isObject(raw)) return { name: UNTITLED_WORKFLOW_NAME, tags: [], triggerTypes: [] };
  const name = typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : UNTITLED_WORKFLOW_NAME;
  const summary: Pick<WorkflowValidationResult, 'name' | 'description' | 'tags' | 'triggerTypes'> = {
    name,
    tags: Array.isArray(raw.tags) ? raw.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    triggerTypes: Array.isArray(raw.triggers)
      ? raw.triggers.flatMap((trigger) => (isObject(trigger) && typeof trigger.type === 'string' ? [trigger.type] : []))
      : [],
  };
  if (typeof raw.description === 'string') summary.description = raw.description;
  return summary;
}

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/** A resource-limit rejection (yaml_limits.ts), reported before or instead of every other check. */
function tooLarge(message: string): WorkflowValidationResult {
  return {
    valid: false,
    definition: null,
    name: UNTITLED_WORKFLOW_NAME,
    tags: [],
    triggerTypes: [],
    diagnostics: [{ severity: 'error', code: 'yaml-too-large', message, path: [], line: 1, column: 1, endLine: 1, endColumn: 1 }],
  };
}

// The validator only parses templates, so one engine with default limits serves every call.
let sharedLiquid: Liquid | undefined;
const validatorLiquid = (): Liquid => (sharedLiquid ??= createWorkflowLiquid());

/** Parses and validates workflow YAML into diagnostics with 1-based positions (workflow-engine §1.5). */
export function validateWorkflowYaml(yaml: string, options: ValidateWorkflowYamlOptions): WorkflowValidationResult {
  if (byteLength(yaml) > MAX_WORKFLOW_YAML_BYTES) return tooLarge(`The workflow YAML exceeds the ${MAX_WORKFLOW_YAML_BYTES} bytes limit.`);
  // Before the (recursive) parser: 10k nested `[` would cost seconds and hundreds of MB.
  if (estimateYamlDepthExceeds(yaml)) return tooLarge(`The workflow YAML nests deeper than ${MAX_WORKFLOW_YAML_DEPTH} levels.`);

  const document = new WorkflowYamlDocument(yaml);
  const collector = new DiagnosticCollector(document);
  collector.diagnostics.push(...document.syntaxDiagnostics());

  let raw: unknown;
  try {
    raw = document.doc.toJS({ maxAliasCount: MAX_WORKFLOW_ALIAS_COUNT });
  } catch (error) {
    collector.error('yaml-syntax', error instanceof Error ? error.message : String(error), []);
    return { valid: false, definition: null, diagnostics: collector.diagnostics, ...extractSummary(undefined) };
  }
  const breach = checkExpandedValue(raw);
  if (breach) return tooLarge(describeExpandedBreach(breach));
  const stepCount = countRawSteps(raw);
  if (stepCount > MAX_WORKFLOW_STEPS) {
    collector.error('yaml-too-large', `The workflow has ${stepCount} steps; at most ${MAX_WORKFLOW_STEPS} are allowed.`, ['steps']);
    return { valid: false, definition: null, diagnostics: sortDiagnostics(collector.diagnostics), ...extractSummary(raw) };
  }
  const summary = extractSummary(raw);

  let definition: WorkflowDefinition | null = null;
  if (!isObject(raw)) {
    collector.error('schema', 'Expected a workflow: a YAML mapping with name, triggers and steps.', []);
  } else {
    const parsed = workflowSchema.safeParse(raw);
    if (parsed.success) definition = parsed.data;
    else reportSchemaIssues(parsed.error.issues, raw, collector);

    const manual = Array.isArray(raw.triggers) ? raw.triggers.find((trigger) => isObject(trigger) && trigger.type === 'manual') : undefined;
    if (raw.inputs !== undefined && isObject(manual) && manual.inputs !== undefined) {
      collector.warning('unknown-key', 'Top-level inputs are ignored: the manual trigger declares its own inputs, which win.', ['inputs'], { key: true });
    }

    const stepDefinitions = new Map(options.stepDefinitions.map((def) => [def.id, def] as const));
    new WorkflowTreeChecker(collector, { stepDefinitions, knownConnectors: options.knownConnectors, liquid: validatorLiquid() }).check(raw);
  }

  const diagnostics = sortDiagnostics(collector.diagnostics);
  const valid = !diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return { valid, diagnostics, definition: valid ? definition : null, ...summary };
}

function sortDiagnostics<T extends { line: number; column: number }>(diagnostics: T[]): T[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => a.diagnostic.line - b.diagnostic.line || a.diagnostic.column - b.diagnostic.column || a.index - b.index)
    .map(({ diagnostic }) => diagnostic);
}
