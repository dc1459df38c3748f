import { z } from 'zod/v4';
import type { BaseStepDefinition } from '../../../plugins/workflows_extensions/common/step_definition';
import { FLOW_CONTROL_STEP_TYPES, INPUT_TYPES } from '../schema/workflow_schema';
import { tolerateTemplates } from './template_tolerance';

/*
 * The editor's JSON Schema (draft-7, workflow-engine §6.1): one `oneOf` branch per step type with its `with` schema
 * and config keys, `$ref`s for nested step lists, titles and descriptions from registered steps. Deterministic for a
 * given set of definitions (sorted by id) so callers can cache it per registry version.
 */

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/definitions/${name}` });
const DURATION = { type: 'string', description: 'A duration such as 30s, 5m, 1h.' };
const CONDITION = { type: ['string', 'boolean'], description: 'A boolean, a `${{ }}` expression, or a KQL condition.' };

/** A schema zod cannot express in JSON Schema degrades to "anything" so one step never breaks the editor schema. */
function zodToJson(schema: z.ZodType): Json {
  try {
    const json = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Json;
    delete json.$schema;
    return json;
  } catch {
    return {};
  }
}

/**
 * Makes a converted schema template-tolerant and moves it, with its own `definitions`, under a global prefix; `$ref`s
 * (including the root self-reference `#` of recursive schemas) are rewritten to the new location.
 */
function relocate(schema: Json, prefix: string, definitions: Json): Json {
  const { definitions: ownDefinitions, $defs, ...rootOnly } = schema;
  const local = (ownDefinitions ?? $defs) as Json | undefined;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [key, sub] of Object.entries(value)) {
      if (key === '$ref' && typeof sub === 'string') {
        out[key] = sub === '#' ? `#/definitions/${prefix}` : sub.replace(/^#\/(definitions|\$defs)\//, `#/definitions/${prefix}.`);
      } else out[key] = rewrite(sub);
    }
    return out;
  };
  if (local) for (const [name, sub] of Object.entries(local)) definitions[`${prefix}.${name}`] = rewrite(tolerateTemplates(sub));
  definitions[prefix] = rewrite(tolerateTemplates(rootOnly));
  return ref(prefix);
}

function commonStepProperties(): Json {
  return {
    name: { type: 'string', minLength: 1, description: 'The step id; unique across the whole workflow.' },
    if: CONDITION,
    foreach: { anyOf: [{ type: 'string' }, { type: 'array' }], description: 'Runs the step once per item.' },
    'max-iterations': ref('maxIterations'),
    timeout: DURATION,
    'connector-id': { type: 'string' },
    'on-failure': ref('onFailure'),
    'max-step-size': { type: 'string', description: 'Output size cap such as 10mb.' },
  };
}

function definitionBranch(definition: BaseStepDefinition, definitions: Json, strict: boolean): Json {
  const prefix = `step.${definition.id}`;
  const properties: Json = { ...commonStepProperties(), type: { const: definition.id } };
  const required = ['name', 'type'];
  const withJson = zodToJson(definition.inputSchema);
  properties.with = relocate(withJson, `${prefix}.with`, definitions);
  if (Array.isArray(withJson.required) && withJson.required.length > 0) required.push('with');
  if (definition.configSchema) {
    const configJson = zodToJson(definition.configSchema);
    const configProperties = (configJson.properties ?? {}) as Json;
    for (const key of Object.keys(configProperties).sort()) properties[key] = tolerateTemplates(configProperties[key]);
    if (Array.isArray(configJson.required)) required.push(...(configJson.required as string[]));
  }
  const branch: Json = { type: 'object', title: definition.label ?? definition.id, properties, required };
  if (definition.description) branch.description = definition.description;
  if (strict) branch.additionalProperties = false;
  return branch;
}

function flowControlBranches(strict: boolean): Json[] {
  const extra = strict ? { additionalProperties: false } : {};
  return [
    {
      type: 'object',
      title: 'If',
      description: 'Runs `steps` when the condition holds, otherwise `else`.',
      properties: { ...commonStepProperties(), type: { const: 'if' }, condition: CONDITION, steps: ref('steps'), else: ref('steps') },
      required: ['name', 'type', 'condition', 'steps'],
      ...extra,
    },
    {
      type: 'object',
      title: 'Foreach',
      description: 'Runs `steps` once per item of the array.',
      properties: { ...commonStepProperties(), type: { const: 'foreach' }, steps: ref('steps') },
      required: ['name', 'type', 'foreach', 'steps'],
      ...extra,
    },
  ];
}

function staticDefinitions(strict: boolean): Json {
  const closed = strict ? { additionalProperties: false } : {};
  return {
    steps: { type: 'array', minItems: 1, items: ref('step') },
    maxIterations: {
      anyOf: [
        { type: 'integer', minimum: 1 },
        { type: 'object', properties: { limit: { type: 'integer', minimum: 1 }, 'on-limit': { enum: ['continue', 'fail'] } }, required: ['limit'], ...closed },
      ],
    },
    retry: {
      type: 'object',
      properties: {
        'max-attempts': { type: 'integer', minimum: 0, description: 'Retries after the first try.' },
        delay: DURATION,
        strategy: { enum: ['fixed', 'exponential'] },
        multiplier: { type: 'number', exclusiveMinimum: 0 },
        'max-delay': DURATION,
        jitter: { type: 'boolean' },
        condition: { type: 'string', description: 'KQL over {error}.' },
      },
      required: ['max-attempts'],
      ...closed,
    },
    onFailure: {
      type: 'object',
      properties: { retry: ref('retry'), fallback: ref('steps'), continue: { type: ['boolean', 'string'] } },
      ...closed,
    },
    inputField: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1 },
        type: { enum: [...INPUT_TYPES] },
        description: { type: 'string' },
        default: {},
        required: { type: 'boolean' },
        options: { type: 'array' },
        minItems: { type: 'integer', minimum: 0 },
        maxItems: { type: 'integer', minimum: 0 },
      },
      required: ['name', 'type'],
      ...closed,
    },
    inputs: {
      anyOf: [
        { type: 'array', items: ref('inputField') },
        { type: 'object', properties: { properties: { type: 'object' }, required: { type: 'array', items: { type: 'string' } } }, required: ['properties'] },
      ],
    },
    trigger: {
      oneOf: [
        { type: 'object', properties: { type: { const: 'manual' }, inputs: ref('inputs') }, required: ['type'], ...closed },
        { type: 'object', properties: { type: { const: 'alert' }, with: { type: 'object' } }, required: ['type'], ...closed },
        {
          type: 'object',
          properties: {
            type: { const: 'scheduled' },
            with: { type: 'object', properties: { every: { type: 'string', pattern: '^\\d+[smhd]$' } }, required: ['every'], ...closed },
          },
          required: ['type', 'with'],
          ...closed,
        },
      ],
    },
    settings: {
      type: 'object',
      properties: {
        timeout: DURATION,
        'on-failure': ref('onFailure'),
        concurrency: {
          type: 'object',
          properties: {
            key: { type: 'string' },
            strategy: { enum: ['queue', 'drop', 'cancel-in-progress'] },
            max: { type: 'integer', minimum: 1 },
            'queue-size': { type: 'integer', minimum: 0 },
            maxQueueSize: { type: 'integer', minimum: 0 },
            'queue-ttl': DURATION,
          },
          ...closed,
        },
        'max-step-size': { type: 'string', pattern: '^\\d+(b|kb|mb|gb)$' },
        liquid: {
          type: 'object',
          properties: {
            parseLimit: { type: 'integer', minimum: 1, maximum: 600000 },
            renderLimit: { type: 'integer', minimum: 1, maximum: 2000 },
            memoryLimit: { type: 'integer', minimum: 1, maximum: 60000000 },
          },
          ...closed,
        },
        timezone: { type: 'string' },
      },
      ...closed,
    },
  };
}

export interface BuildWorkflowJsonSchemaOptions {
  /** Also accept step types that are not registered (and extra keys). */
  loose: boolean;
}

export function buildWorkflowJsonSchema(stepDefinitions: readonly BaseStepDefinition[], options: BuildWorkflowJsonSchemaOptions): Record<string, unknown> {
  const strict = !options.loose;
  const definitions: Json = staticDefinitions(strict);
  const sorted = [...stepDefinitions]
    .filter((definition) => !(FLOW_CONTROL_STEP_TYPES as readonly string[]).includes(definition.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const branches: Json[] = [...flowControlBranches(strict), ...sorted.map((definition) => definitionBranch(definition, definitions, strict))];
  if (options.loose) {
    const knownTypes = [...FLOW_CONTROL_STEP_TYPES, ...sorted.map((definition) => definition.id)];
    branches.push({
      type: 'object',
      title: 'Other step',
      properties: { ...commonStepProperties(), type: { type: 'string', not: { enum: knownTypes } }, with: { type: 'object' } },
      required: ['name', 'type'],
    });
  }
  definitions.step = { oneOf: branches };

  const schema: Json = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Workflow',
    type: 'object',
    properties: {
      version: { enum: ['1', 1], default: '1' },
      name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      enabled: { type: 'boolean', default: true },
      tags: { type: 'array', items: { type: 'string' } },
      settings: ref('settings'),
      triggers: { type: 'array', minItems: 1, items: ref('trigger') },
      inputs: ref('inputs'),
      consts: { type: 'object', description: 'Constants, never rendered.' },
      steps: ref('steps'),
    },
    required: ['name', 'triggers', 'steps'],
    definitions,
  };
  if (strict) schema.additionalProperties = false;
  return schema;
}
