import { z } from 'zod/v4';
import { LIMITS } from '../constants';
import { pageParam, queryBoolean, queryEnumList, sizeParam } from './query_params';

/** Request schemas of the execution routes (workflow-engine §6). */

export const EXECUTION_STATUSES = ['pending', 'queued', 'running', 'waiting', 'completed', 'failed', 'cancelled', 'timed_out', 'skipped'] as const;
export const EXECUTION_TYPES = ['production', 'test'] as const;

export const workflowExecutionsParams = z.object({ workflowId: z.string().min(1) }).strict();

export const findExecutionsQuery = z
  .object({
    statuses: queryEnumList(EXECUTION_STATUSES).optional(),
    executionTypes: queryEnumList(EXECUTION_TYPES).optional(),
    page: pageParam,
    size: sizeParam(LIMITS.maxPageSize, LIMITS.defaultPageSize),
  })
  .strict();
export type FindExecutionsQuery = z.output<typeof findExecutionsQuery>;

export const executionParams = z.object({ executionId: z.string().min(1) }).strict();
export const stepExecutionParams = z.object({ executionId: z.string().min(1), stepExecutionId: z.string().min(1) }).strict();

export const getExecutionQuery = z
  .object({ includeInput: queryBoolean.default(true), includeOutput: queryBoolean.default(true) })
  .strict();

export const executionLogsQuery = z
  .object({
    stepExecutionId: z.string().min(1).optional(),
    page: pageParam,
    size: sizeParam(LIMITS.maxLogsPageSize, LIMITS.defaultLogsPageSize),
    sortOrder: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();
export type ExecutionLogsQuery = z.output<typeof executionLogsQuery>;

export const cancelExecutionResponse = z.object({ id: z.string(), status: z.enum(EXECUTION_STATUSES), cancelRequested: z.boolean() });
export const cancelWorkflowExecutionsResponse = z.object({ cancelled: z.number().int() });
