export { applyWorkflowFieldEdits, YamlFieldEditError, type WorkflowFieldEdits } from './yaml_field_edits';
