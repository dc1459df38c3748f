import { z } from 'zod/v4';
import type { OnFailurePolicy, WorkflowDefinition, WorkflowInputs, WorkflowStep } from '../definition';
import { MAX_LIQUID_LIMITS } from '../liquid/create_workflow_liquid';

/*
 * The zod schema of workflow YAML (workflow-engine §1.1–1.4). Objects are loose: unknown keys are reported as
 * `unknown-key` warnings by the validator, not as schema errors, and steps carry config keys at the top level.
 * Duration and size grammars are checked by the validator (their own diagnostic codes), so they are plain strings here.
 */

export const FLOW_CONTROL_STEP_TYPES = ['if', 'foreach'] as const;

const conditionSchema = z.union([z.string(), z.boolean()], { error: 'Expected a boolean or a KQL string' });

export const retryPolicySchema = z.looseObject({
  'max-attempts': z.number().int().min(0),
  delay: z.string().optional(),
  strategy: z.enum(['fixed', 'exponential']).optional(),
  multiplier: z.number().positive().optional(),
  'max-delay': z.string().optional(),
  jitter: z.boolean().optional(),
  condition: z.string().optional(),
});

export const maxIterationsSchema = z.union([
  z.number().int().min(1),
  z.looseObject({ limit: z.number().int().min(1), 'on-limit': z.enum(['continue', 'fail']).default('continue') }),
]);

// Recursive schemas reference each other lazily; explicit annotations keep the inferred types finite.
export const stepSchema: z.ZodType<WorkflowStep, unknown> = z.lazy(() =>
  z
    .looseObject({
      name: z.string().min(1),
      type: z.string().min(1),
      with: z.record(z.string(), z.unknown()).optional(),
      if: conditionSchema.optional(),
      foreach: z.union([z.string(), z.array(z.unknown())]).optional(),
      'max-iterations': maxIterationsSchema.optional(),
      timeout: z.string().optional(),
      'connector-id': z.string().optional(),
      'on-failure': onFailureSchema.optional(),
      'max-step-size': z.string().optional(),
      condition: conditionSchema.optional(),
      steps: stepsSchema.optional(),
      else: stepsSchema.optional(),
    })
    .superRefine((step, ctx) => {
      if (step.type === 'if') {
        if (step.condition === undefined) ctx.addIssue({ code: 'custom', message: 'An "if" step requires "condition".', path: [] });
        if (step.steps === undefined) ctx.addIssue({ code: 'custom', message: 'An "if" step requires "steps".', path: [] });
      } else if (step.type === 'foreach') {
        if (step.foreach === undefined) ctx.addIssue({ code: 'custom', message: 'A "foreach" step requires "foreach".', path: [] });
        if (step.steps === undefined) ctx.addIssue({ code: 'custom', message: 'A "foreach" step requires "steps".', path: [] });
      }
    }),
) as unknown as z.ZodType<WorkflowStep, unknown>;

export const stepsSchema: z.ZodType<WorkflowStep[], unknown> = z.lazy(() => z.array(stepSchema).min(1, 'At least one step is required.'));

export const onFailureSchema: z.ZodType<OnFailurePolicy, unknown> = z.lazy(() =>
  z.looseObject({
    retry: retryPolicySchema.optional(),
    fallback: stepsSchema.optional(),
    continue: z.union([z.boolean(), z.string()]).optional(),
  }),
) as unknown as z.ZodType<OnFailurePolicy, unknown>;

export const INPUT_TYPES = ['string', 'number', 'boolean', 'choice', 'array'] as const;

export const inputFieldSchema = z.looseObject({
  name: z.string().min(1),
  type: z.enum(INPUT_TYPES),
  description: z.string().optional(),
  default: z.unknown().optional(),
  required: z.boolean().optional(),
  options: z.array(z.unknown()).optional(),
  minItems: z.number().int().min(0).optional(),
  maxItems: z.number().int().min(0).optional(),
});

export const jsonSchemaInputsSchema = z.looseObject({
  properties: z.record(z.string(), z.unknown()),
  required: z.array(z.string()).optional(),
});

const arrayInputsSchema = z.array(inputFieldSchema);

function pickInputsSchema(value: unknown): z.ZodType {
  return Array.isArray(value) ? arrayInputsSchema : jsonSchemaInputsSchema;
}

/** Array form or JSON-Schema form, chosen by shape so errors point into the right one. */
export const workflowInputsSchema = z.unknown().transform((value, ctx) => {
  const result = pickInputsSchema(value).safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return result.data as WorkflowInputs;
});

const scheduledWithSchema = z
  .looseObject({ every: z.string().optional(), unit: z.unknown().optional(), rrule: z.unknown().optional(), cron: z.unknown().optional() })
  .superRefine((value, ctx) => {
    for (const key of ['rrule', 'cron'] as const) {
      if (value[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `Scheduled triggers with "${key}" are not supported by this host.` });
    }
    if (value.unit !== undefined) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'Scheduled triggers with "every" and "unit" are not supported by this host; write every: 5m.' });
    if (value.every === undefined && value.rrule === undefined && value.cron === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'A scheduled trigger requires "with.every".' });
    }
  })
  .transform((value) => ({ every: value.every ?? '' }));

export const triggerSchema = z.discriminatedUnion(
  'type',
  [
    z.looseObject({ type: z.literal('manual'), inputs: workflowInputsSchema.optional() }),
    // Legacy `with: {rule_id, rule_name}` is accepted and ignored.
    z.looseObject({ type: z.literal('alert'), with: z.record(z.string(), z.unknown()).optional() }),
    z.looseObject({ type: z.literal('scheduled'), with: scheduledWithSchema }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'Unsupported trigger type; use manual, alert or scheduled.' : undefined) },
);

const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

export const concurrencySchema = z
  .looseObject({
    key: z.string().optional(),
    strategy: z.enum(['queue', 'drop', 'cancel-in-progress']).optional(),
    max: z.number().int().min(1).optional(),
    'queue-size': z.number().int().min(0).optional(),
    maxQueueSize: z.number().int().min(0).optional(),
    'queue-ttl': z.string().optional(),
  })
  .transform(({ maxQueueSize, ...rest }) => {
    // `maxQueueSize` is Kibana's older spelling of `queue-size`.
    const out = { ...rest };
    if (out['queue-size'] === undefined && maxQueueSize !== undefined) out['queue-size'] = maxQueueSize;
    return out;
  });

export const settingsSchema = z.looseObject({
  timeout: z.string().optional(),
  'on-failure': onFailureSchema.optional(),
  concurrency: concurrencySchema.optional(),
  'max-step-size': z.string().optional(),
  liquid: z
    .looseObject({
      parseLimit: z.number().int().positive().max(MAX_LIQUID_LIMITS.parseLimit).optional(),
      renderLimit: z.number().int().positive().max(MAX_LIQUID_LIMITS.renderLimit).optional(),
      memoryLimit: z.number().int().positive().max(MAX_LIQUID_LIMITS.memoryLimit).optional(),
    })
    .optional(),
  timezone: z.string().refine(isTimeZone, 'Expected an IANA time zone such as Europe/Paris.').optional(),
});

export const workflowSchema = z
  .looseObject({
    version: z
      .union([z.literal('1'), z.literal(1)], { error: 'Expected version "1".' })
      .transform((): '1' => '1')
      .default('1'),
    name: z.string({ error: 'Expected a workflow name.' }).min(1, 'The workflow name must not be empty.'),
    description: z.string().optional(),
    enabled: z.boolean().default(true),
    tags: z.array(z.string()).optional(),
    settings: settingsSchema.optional(),
    triggers: z.array(triggerSchema).min(1, 'At least one trigger is required.'),
    inputs: workflowInputsSchema.optional(),
    consts: z.record(z.string(), z.json()).optional(),
    steps: stepsSchema,
  })
  .transform((raw): WorkflowDefinition => {
    const manual = raw.triggers.find((trigger) => trigger.type === 'manual');
    const manualInputs = manual && 'inputs' in manual ? (manual.inputs as WorkflowInputs | undefined) : undefined;
    const definition: WorkflowDefinition = { ...raw, version: '1', triggers: raw.triggers as WorkflowDefinition['triggers'] } as WorkflowDefinition;
    const inputs = manualInputs ?? raw.inputs;
    if (inputs !== undefined) definition.inputs = inputs;
    else delete definition.inputs;
    return definition;
  });

export type WorkflowSchemaInput = z.input<typeof workflowSchema>;
