export { buildWorkflowJsonSchema, type BuildWorkflowJsonSchemaOptions } from './build_workflow_json_schema';
export { TEMPLATE_STRING_SCHEMA, tolerateTemplates } from './template_tolerance';
