export { ALLOWED_LIQUID_TAGS, DEFAULT_LIQUID_LIMITS, MAX_LIQUID_LIMITS, createWorkflowLiquid, type WorkflowLiquidOptions } from './create_workflow_liquid';
export { TemplateRenderError, UNSUPPORTED_TAGS_MESSAGE, UNSUPPORTED_TAG_PATTERN, stripLiquidPosition } from './errors';
export { entriesFilter, jsonParseFilter, pickFilter } from './filters';
export { checkTemplateSyntax, evaluateTypedExpression, hasTemplateMarkup, isTypedExpression, renderTemplateString, renderWorkflowValue } from './render';
