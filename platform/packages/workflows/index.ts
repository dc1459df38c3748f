/**
 * The workflows spec package (workflow-engine §1, §3, §4, §6.1): YAML schema and diagnostics, the Liquid factory and
 * renderer, the in-memory KQL evaluator, run-input validation, the editor JSON Schema and step-tree helpers. Pure:
 * usable on the server and in the browser.
 */
export type * from './definition';

export { FLOW_CONTROL_STEP_TYPES, INPUT_TYPES, onFailureSchema, stepSchema, stepsSchema, workflowSchema } from './schema/workflow_schema';
export {
  DUPLICATE_STEP_NAME_MESSAGE,
  MAX_WORKFLOW_ALIAS_COUNT,
  MAX_WORKFLOW_EXPANDED_CHARS,
  MAX_WORKFLOW_EXPANDED_NODES,
  MAX_WORKFLOW_STEPS,
  MAX_WORKFLOW_YAML_BYTES,
  MAX_WORKFLOW_YAML_DEPTH,
  UNTITLED_WORKFLOW_NAME,
  WorkflowYamlDocument,
  substituteTemplates,
  validateWorkflowYaml,
  type Position,
  type ValidateWorkflowYamlOptions,
} from './validation';

export {
  ALLOWED_LIQUID_TAGS,
  DEFAULT_LIQUID_LIMITS,
  MAX_LIQUID_LIMITS,
  TemplateRenderError,
  UNSUPPORTED_TAGS_MESSAGE,
  checkTemplateSyntax,
  createWorkflowLiquid,
  entriesFilter,
  evaluateTypedExpression,
  hasTemplateMarkup,
  isTypedExpression,
  jsonParseFilter,
  pickFilter,
  renderTemplateString,
  renderWorkflowValue,
  stripLiquidPosition,
  type WorkflowLiquidOptions,
} from './liquid';

export {
  ConditionEvaluationError,
  KqlSyntaxError,
  evaluateCondition,
  evaluateKql,
  hasFreeText,
  parseKql,
  resolveKqlField,
  type KqlNode,
  type KqlValue,
} from './kql';

export {
  DURATION_PATTERN,
  SIZE_PATTERN,
  WAIT_DURATION_PATTERN,
  isDuration,
  isScheduleInterval,
  isSize,
  isWaitDuration,
  parseDuration,
  parseSize,
} from './duration';

export { applyInputDefaults, validateRunInputs, type RunInputsResult } from './inputs';
export { buildWorkflowJsonSchema, tolerateTemplates, type BuildWorkflowJsonSchemaOptions } from './json_schema';
export { childStepLists, findStepByName, walkSteps, type WalkedStep } from './walk_steps';
