import { z } from 'zod/v4';
import { LIMITS } from '../constants';
import { pageParam, queryBoolean, queryStringList, sizeParam } from './query_params';

/** Request schemas of the workflow CRUD, validation and run routes (workflow-engine §6). */

/** `workflow-<uuid>` when generated; a given id (e.g. a preinstalled `security.alert.validation`) must look like this. */
export const workflowId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids use letters, digits, ".", "_" and "-" and start with a letter or digit');

export const workflowIdParams = z.object({ id: z.string().min(1).max(255) }).strict();

export const findWorkflowsQuery = z
  .object({
    page: pageParam,
    size: sizeParam(LIMITS.maxPageSize, LIMITS.defaultPageSize),
    query: z.string().optional(),
    enabled: queryBoolean.optional(),
    tags: queryStringList.optional(),
  })
  .strict();
export type FindWorkflowsQuery = z.output<typeof findWorkflowsQuery>;

export const createWorkflowBody = z.object({ yaml: z.string(), id: workflowId.optional() }).strict();
export type CreateWorkflowBody = z.output<typeof createWorkflowBody>;

export const updateWorkflowBody = z
  .object({
    yaml: z.string().optional(),
    name: z.string().trim().min(1).max(255).optional(),
    description: z.string().optional(),
    enabled: z.boolean().optional(),
    tags: z.array(z.string().min(1)).optional(),
    /** Optimistic concurrency: the `revision` read; a newer write answers 409. */
    revision: z.string().min(1).optional(),
  })
  .strict()
  .refine((b) => ['yaml', 'name', 'description', 'enabled', 'tags'].some((k) => k in b), {
    message: 'at least one of yaml, name, description, enabled or tags is required',
  });
export type UpdateWorkflowBody = z.output<typeof updateWorkflowBody>;

export const validateWorkflowBody = z.object({ yaml: z.string() }).strict();

export const workflowSchemaQuery = z.object({ loose: queryBoolean.default(false) }).strict();

const inputsRecord = z.record(z.string(), z.unknown());

export const runWorkflowBody = z.object({ inputs: inputsRecord.optional() }).strict();
export type RunWorkflowBody = z.output<typeof runWorkflowBody>;

export const testWorkflowBody = z
  .object({ workflowYaml: z.string(), inputs: inputsRecord.optional(), workflowId: z.string().min(1).optional() })
  .strict();
export type TestWorkflowBody = z.output<typeof testWorkflowBody>;

export const stepContextOverride = z
  .object({
    inputs: inputsRecord.optional(),
    event: inputsRecord.optional(),
    consts: inputsRecord.optional(),
    variables: inputsRecord.optional(),
    foreach: inputsRecord.optional(),
    steps: z.record(z.string(), z.object({ output: z.unknown().optional(), error: z.unknown().optional() }).loose()).optional(),
    execution: inputsRecord.optional(),
    workflow: inputsRecord.optional(),
  })
  .loose();

export const testStepBody = z
  .object({
    workflowYaml: z.string(),
    stepId: z.string().min(1),
    workflowId: z.string().min(1).optional(),
    contextOverride: stepContextOverride.optional(),
  })
  .strict();
export type TestStepBody = z.output<typeof testStepBody>;

export const runResponse = z.object({ workflowExecutionId: z.string() });
export type RunResponse = z.output<typeof runResponse>;

/** §6.2: what a manual run with picked alerts sends as `inputs.event`. */
export const alertTriggerEvent = z
  .object({
    triggerType: z.literal('alert'),
    alertIds: z
      .array(z.object({ _id: z.string().min(1), _index: z.string().min(1) }).strict())
      .min(1)
      .max(LIMITS.maxAlertIds),
  })
  .strict();
export type AlertTriggerEvent = z.output<typeof alertTriggerEvent>;
