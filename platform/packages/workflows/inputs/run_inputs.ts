import { z } from 'zod/v4';
import type { WorkflowDefinition, WorkflowInputField, WorkflowInputs } from '../definition';

/* Run-time inputs (workflow-engine §1.1): defaults first, then validation; extra inputs pass through. */

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Fills declared defaults for inputs that are absent (`undefined`). Returns a new object. */
export function applyInputDefaults(inputs: WorkflowInputs | undefined, values: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  if (!inputs) return out;
  if (Array.isArray(inputs)) {
    for (const field of inputs) if (out[field.name] === undefined && field.default !== undefined) out[field.name] = structuredClone(field.default);
  } else {
    for (const [name, property] of Object.entries(inputs.properties)) {
      if (out[name] === undefined && isObject(property) && property.default !== undefined) out[name] = structuredClone(property.default);
    }
  }
  return out;
}

export type RunInputsResult = { ok: true; inputs: Record<string, unknown> } | { ok: false; errors: string[] };

function coerce(field: WorkflowInputField, value: unknown): { value: unknown } | { error: string } {
  const name = field.name;
  switch (field.type) {
    case 'string':
      return typeof value === 'string' ? { value } : { error: `Input "${name}" must be a string.` };
    case 'number': {
      if (typeof value === 'number' && Number.isFinite(value)) return { value };
      // Form posts and query strings carry numbers as text.
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return { value: Number(value) };
      return { error: `Input "${name}" must be a number.` };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      if (value === 'true' || value === 'false') return { value: value === 'true' };
      return { error: `Input "${name}" must be a boolean.` };
    case 'choice':
      return typeof value === 'string' || typeof value === 'number' ? { value } : { error: `Input "${name}" must be one of the options.` };
    case 'array': {
      if (!Array.isArray(value)) return { error: `Input "${name}" must be an array.` };
      if (field.minItems !== undefined && value.length < field.minItems) return { error: `Input "${name}" must have at least ${field.minItems} item(s).` };
      if (field.maxItems !== undefined && value.length > field.maxItems) return { error: `Input "${name}" must have at most ${field.maxItems} item(s).` };
      return { value };
    }
  }
}

const sameOption = (option: unknown, value: unknown): boolean => option === value || (option !== null && typeof option !== 'object' && String(option) === String(value));

function validateArrayForm(fields: WorkflowInputField[], values: Record<string, unknown>): RunInputsResult {
  const errors: string[] = [];
  const out = { ...values };
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === null) {
      if (field.required) errors.push(`Input "${field.name}" is required.`);
      continue;
    }
    const result = coerce(field, value);
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    if (field.options && field.options.length > 0) {
      const items = Array.isArray(result.value) ? result.value : [result.value];
      const bad = items.find((item) => !field.options?.some((option) => sameOption(option, item)));
      if (bad !== undefined) {
        errors.push(`Input "${field.name}" must be one of: ${field.options.map((option) => String(option)).join(', ')}. Got: ${String(bad)}.`);
        continue;
      }
    }
    out[field.name] = result.value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs: out };
}

function validateSchemaForm(schema: Record<string, unknown>, values: Record<string, unknown>): RunInputsResult {
  let validator: z.ZodType;
  try {
    // Extra inputs pass through, whatever the declared additionalProperties.
    validator = z.fromJSONSchema({ ...schema, type: 'object', additionalProperties: true } as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (error) {
    return { ok: false, errors: [`The workflow's inputs schema is not supported: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = validator.safeParse(values);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => {
        const path = issue.path.map(String).join('.');
        if (issue.code === 'invalid_type' && issue.path.length === 1 && values[String(issue.path[0])] === undefined) {
          return `Input "${path}" is required.`;
        }
        return path ? `Input "${path}": ${issue.message}` : issue.message;
      }),
    };
  }
  return { ok: true, inputs: { ...values, ...(isObject(result.data) ? result.data : {}) } };
}

/** Applies defaults, then validates by the declared inputs (array form by type/required/options/items, object form by JSON Schema). */
export function validateRunInputs(definition: Pick<WorkflowDefinition, 'inputs'>, values: Record<string, unknown> = {}): RunInputsResult {
  const withDefaults = applyInputDefaults(definition.inputs, values);
  const inputs = definition.inputs;
  if (!inputs) return { ok: true, inputs: withDefaults };
  if (Array.isArray(inputs)) return validateArrayForm(inputs, withDefaults);
  return validateSchemaForm(inputs, withDefaults);
}
