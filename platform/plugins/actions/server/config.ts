import { z } from 'zod/v4';

export const preconfiguredConnectorSchema = z
  .object({
    name: z.string().min(1).max(255),
    actionTypeId: z.string().min(1),
    config: z.record(z.string(), z.unknown()).default({}),
    secrets: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

/** `xpack.actions.*` in kibana.yml. */
export const actionsConfigSchema = z
  .object({
    /** Connectors declared in YAML: read-only, in every space, `is_preconfigured: true`. */
    preconfigured: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'ids use letters, digits, ".", "_" and "-"'), preconfiguredConnectorSchema).default({}),
    /** Like xpack.encryptedSavedObjects.encryptionKey (≥ 32 chars); without it a key is generated under path.data. */
    encryptionKey: z.string().min(32, 'must be at least 32 characters').optional(),
  })
  .strict();

export type ActionsConfig = z.infer<typeof actionsConfigSchema>;
export type PreconfiguredConnectorConfig = z.infer<typeof preconfiguredConnectorSchema>;
