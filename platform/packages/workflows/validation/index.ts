export { UNTITLED_WORKFLOW_NAME, validateWorkflowYaml, type ValidateWorkflowYamlOptions } from './validate_workflow_yaml';
export { DUPLICATE_STEP_NAME_MESSAGE, TEMPLATE_PLACEHOLDER, substituteTemplates } from './tree_checks';
export { MAX_WORKFLOW_YAML_BYTES, WorkflowYamlDocument, type Position } from './yaml_document';
export {
  MAX_WORKFLOW_ALIAS_COUNT,
  MAX_WORKFLOW_EXPANDED_CHARS,
  MAX_WORKFLOW_EXPANDED_NODES,
  MAX_WORKFLOW_STEPS,
  MAX_WORKFLOW_YAML_DEPTH,
} from './yaml_limits';
