import { z } from 'zod/v4';

/**
 * `xpack.securitySolution.*` in kibana.yml. With core's `sampleData.enabled`, the labelled corpus
 * (../../../../scripts/sample_data) is seeded into an empty default space at start; `count`/`seed` size it.
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
