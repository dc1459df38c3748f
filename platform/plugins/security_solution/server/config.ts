import { z } from 'zod/v4';

/**
 * `xpack.securitySolution.*` in kibana.yml. `sampleData` seeds the labelled corpus into an empty default
 * space at start (see ../../../../scripts/sample_data).
 */
export const configSchema = z
  .object({
    sampleData: z
      .object({
        enabled: z.boolean().default(true),
        count: z.number().int().min(150).max(1_000_000).default(5000),
        seed: z.union([z.number().int().nonnegative(), z.string().min(1)]).default(1),
      })
      .prefault({}),
  })
  .prefault({});
export type SecuritySolutionConfig = z.infer<typeof configSchema>;
