import { z } from 'zod/v4';

/**
 * Per-space settings of the alert validation workflow (issue [6/8], triage-steps §6.1): which connector and agent it
 * uses and whether and when it may close alerts. Unset keys fall back to the workflow's `consts`.
 */
export const alertValidationSettingsSchema = z.strictObject({
  connector_id: z.string().min(1).max(256).nullable().optional(),
  agent_id: z.string().min(1).max(256).nullable().optional(),
  create_conversation: z.boolean().nullable().optional(),
  auto_close_enabled: z.boolean().nullable().optional(),
  auto_close_min_confidence: z.number().min(0).max(1).nullable().optional(),
  auto_close_max_confidence: z.number().min(0).max(1).nullable().optional(),
});
export type AlertValidationSettings = z.infer<typeof alertValidationSettingsSchema>;

/** A PUT replaces the space's settings; `null` clears a key. Bounds must stay ordered. */
export const putAlertValidationSettingsSchema = alertValidationSettingsSchema.refine(
  (s) => s.auto_close_min_confidence == null || s.auto_close_max_confidence == null || s.auto_close_min_confidence <= s.auto_close_max_confidence,
  { message: 'auto_close_min_confidence must not exceed auto_close_max_confidence', path: ['auto_close_min_confidence'] },
);
