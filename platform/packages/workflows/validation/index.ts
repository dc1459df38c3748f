export { UNTITLED_WORKFLOW_NAME, validateWorkflowYaml, type ValidateWorkflowYamlOptions } from './validate_workflow_yaml';
export { DUPLICATE_STEP_NAME_MESSAGE, TEMPLATE_PLACEHOLDER, substituteTemplates } from './tree_checks';
export { MAX_WORKFLOW_YAML_BYTES, WorkflowYamlDocument, type Position } from './yaml_document';
