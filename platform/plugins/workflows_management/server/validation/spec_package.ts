import { buildWorkflowJsonSchema, validateRunInputs, validateWorkflowYaml } from '../../../../packages/workflows';
import type { WorkflowSpec } from './types';

/** The real spec package behind WorkflowSpec; run-input errors become 400 diagnostics without positions. */
export const workflowSpec: WorkflowSpec = {
  validateWorkflowYaml: (yaml, options) => validateWorkflowYaml(yaml, options),
  buildWorkflowJsonSchema: (stepDefinitions, options) => buildWorkflowJsonSchema(stepDefinitions, options),
  prepareRunInputs(definition, inputs) {
    const result = validateRunInputs(definition, inputs);
    if (result.ok) return { valid: true, inputs: result.inputs };
    return {
      valid: false,
      message: `Invalid workflow inputs: ${result.errors.join(' ')}`,
      diagnostics: result.errors.map((message) => ({ severity: 'error' as const, code: 'invalid-input' as const, message, path: ['inputs'] })),
    };
  },
};
