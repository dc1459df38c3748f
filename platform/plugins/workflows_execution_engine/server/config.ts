import { z } from 'zod/v4';

const SIZE_PATTERN = /^\d+(b|kb|mb|gb)$/;

/**
 * `workflows.*` in kibana.yml (workflow-engine §5). A loose object: `workflowsManagement` may read other keys under
 * the same path, so unknown keys are left to it.
 */
export const engineConfigSchema = z.looseObject({
  /** Prefix of the execution, step-execution and log indices. */
  indexPrefix: z.string().min(1).default('.workflows-'),
  /** Serialised step output cap (`b|kb|mb|gb`), overridden by `settings.max-step-size` and step `max-step-size`. */
  maxStepOutputSize: z.string().regex(SIZE_PATTERN, 'must look like 10mb').default('10mb'),
  execution: z
    .object({
      /** Host pool: interleaved runs; the overflow waits as `pending`, FIFO. */
      maxConcurrentRuns: z.number().int().min(1).max(1000).default(10),
      /** How often running executions refresh `lastHeartbeatAt` (§5.6). */
      heartbeatIntervalMs: z.number().int().min(100).default(15_000),
    })
    .prefault({}),
  http: z
    .object({
      /** Exact hosts, `*.domain` or `*`. */
      allowedHosts: z.array(z.string().min(1)).default(['*']),
    })
    .prefault({}),
});

export type EngineConfig = z.infer<typeof engineConfigSchema>;
