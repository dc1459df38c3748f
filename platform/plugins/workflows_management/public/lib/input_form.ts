/**
 * The Run dialog's Manual tab (§7): one form field per declared workflow input (array form or JSON-Schema object,
 * §1.1), their initial values from the defaults, and the conversion back to the `inputs` object the API takes.
 */
import type { WorkflowInputs } from '../../../../packages/workflows/definition';

export type InputFieldKind = 'text' | 'number' | 'switch' | 'select' | 'combo';

export interface InputField {
  name: string;
  kind: InputFieldKind;
  description?: string;
  required: boolean;
  /** For `select` (choice / enum) and suggested values of `combo` (array). */
  options: string[];
  defaultValue?: unknown;
}

/** What the form edits: strings for text/number/select, booleans for switches, string lists for combos. */
export type InputFormValue = string | boolean | string[];
export type InputFormValues = Record<string, InputFormValue>;

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const toOptionStrings = (values: unknown): string[] => (Array.isArray(values) ? values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : []);

function fieldFromJsonSchema(name: string, schema: Record<string, unknown>, required: boolean): InputField {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  const base = { name, description, required, defaultValue: schema.default };
  if (Array.isArray(schema.enum)) return { ...base, kind: 'select', options: toOptionStrings(schema.enum) };
  if (type === 'number' || type === 'integer') return { ...base, kind: 'number', options: [] };
  if (type === 'boolean') return { ...base, kind: 'switch', options: [] };
  if (type === 'array') return { ...base, kind: 'combo', options: toOptionStrings(asRecord(schema.items)?.enum) };
  return { ...base, kind: 'text', options: [] };
}

export function buildInputFields(inputs: WorkflowInputs | undefined | null): InputField[] {
  if (!inputs) return [];
  if (Array.isArray(inputs)) {
    return inputs
      .filter((input) => input && typeof input.name === 'string')
      .map((input) => {
        const base = { name: input.name, description: input.description, required: input.required === true, defaultValue: input.default };
        switch (input.type) {
          case 'number':
            return { ...base, kind: 'number' as const, options: [] };
          case 'boolean':
            return { ...base, kind: 'switch' as const, options: [] };
          case 'choice':
            return { ...base, kind: 'select' as const, options: toOptionStrings(input.options) };
          case 'array':
            return { ...base, kind: 'combo' as const, options: toOptionStrings(input.options) };
          default:
            return { ...base, kind: 'text' as const, options: [] };
        }
      });
  }
  const properties = asRecord(inputs.properties) ?? {};
  const required = new Set(Array.isArray(inputs.required) ? inputs.required : []);
  return Object.entries(properties).map(([name, schema]) => fieldFromJsonSchema(name, asRecord(schema) ?? {}, required.has(name)));
}

export function initialFormValues(fields: readonly InputField[]): InputFormValues {
  const values: InputFormValues = {};
  for (const field of fields) {
    const d = field.defaultValue;
    switch (field.kind) {
      case 'switch':
        values[field.name] = d === true || d === 'true';
        break;
      case 'combo':
        values[field.name] = Array.isArray(d) ? d.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : [];
        break;
      default:
        values[field.name] = d === undefined || d === null ? '' : typeof d === 'string' ? d : JSON.stringify(d);
    }
  }
  return values;
}

export interface FormConversion {
  inputs: Record<string, unknown>;
  /** Field name → message, for required fields left empty and numbers that are not numbers. */
  errors: Record<string, string>;
}

/** Form values → API inputs: numbers parsed, empty optional fields left out. */
export function formValuesToInputs(fields: readonly InputField[], values: InputFormValues): FormConversion {
  const inputs: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'switch') {
      inputs[field.name] = value === true;
      continue;
    }
    if (field.kind === 'combo') {
      const list = Array.isArray(value) ? value : [];
      if (list.length === 0 && field.required) errors[field.name] = `${field.name} is required`;
      else if (list.length > 0) inputs[field.name] = list;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (field.required) errors[field.name] = `${field.name} is required`;
      continue;
    }
    if (field.kind === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n)) errors[field.name] = `${field.name} must be a number`;
      else inputs[field.name] = n;
      continue;
    }
    inputs[field.name] = text;
  }
  return { inputs, errors };
}

/** API inputs (from the JSON view) → form values, for switching back from JSON to the form. */
export function inputsToFormValues(fields: readonly InputField[], inputs: Record<string, unknown>): InputFormValues {
  const values = initialFormValues(fields.map((f) => ({ ...f, defaultValue: f.name in inputs ? inputs[f.name] : f.defaultValue })));
  return values;
}
