import { z } from 'zod/v4';
import { MAX_KNOWN_ALERT_IDS } from '../constants';

export const VERDICT_CLASSIFICATIONS = ['true_positive', 'false_positive', 'inconclusive'] as const;
export type VerdictClassification = (typeof VERDICT_CLASSIFICATIONS)[number];

export const VERDICT_LIMITS = {
  rationale: 1000,
  factors: 5,
  factor: 200,
  relatedAlertIds: 20,
  issues: 20,
} as const;

/** The LLM verdict (triage-steps §6.3): all properties required, nothing extra, confidence on a 0..1 scale. */
export const alertVerdictSchema = z
  .strictObject({
    classification: z.enum(VERDICT_CLASSIFICATIONS).describe('The verdict on the seed alert.'),
    confidence_score: z.number().min(0).max(1).describe('Confidence in the classification, from 0 to 1 (not 0-100).'),
    rationale: z.string().max(VERDICT_LIMITS.rationale).describe('Why, in at most 1000 characters.'),
    contributing_factors: z
      .array(z.string().max(VERDICT_LIMITS.factor))
      .max(VERDICT_LIMITS.factors)
      .describe('Up to 5 short factors that drove the verdict.'),
    related_alert_ids: z
      .array(z.string())
      .max(VERDICT_LIMITS.relatedAlertIds)
      .describe('Ids of related alerts shown in the prompt that support the verdict; may be empty.'),
  })
  .describe('Structured verdict of an automated alert analysis.');
export type AlertVerdict = z.infer<typeof alertVerdictSchema>;

/** The verdict as JSON Schema, for the `ai.agent` step's `schema`. */
export const alertVerdictJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(alertVerdictSchema, { target: 'draft-7' }) as Record<string, unknown>;

export const validateAlertVerdictInputSchema = z.object({
  verdict: z
    .unknown()
    .optional()
    .describe('The `structured_output` of the `ai.agent` step (an object or a JSON string); may be missing.'),
  known_alert_ids: z
    .array(z.string())
    .max(MAX_KNOWN_ALERT_IDS)
    .default([])
    .describe('Ids of the related alerts shown to the model (the entity graph); other cited ids are dropped.'),
  seed_alert_id: z.string().min(1).describe('The analysed alert; citing it is dropped silently.'),
});
export type ValidateAlertVerdictInput = z.infer<typeof validateAlertVerdictInputSchema>;

export const VERDICT_INVALID_REASONS = ['missing', 'schema'] as const;

export const validateAlertVerdictOutputSchema = z.object({
  valid: z.boolean(),
  reason: z.enum(VERDICT_INVALID_REASONS).optional().describe('Why the verdict is invalid.'),
  issues: z.array(z.string()).max(VERDICT_LIMITS.issues).describe('Problems found, fatal or corrected.'),
  verdict: alertVerdictSchema.optional().describe('The normalised verdict, when valid.'),
  dropped_alert_ids: z.array(z.string()).describe('Cited ids that were not among `known_alert_ids`.'),
  confidence_tag: z.string().optional().describe('The confidence with two decimals, e.g. `0.85`, for tags.'),
});
export type ValidateAlertVerdictOutput = z.infer<typeof validateAlertVerdictOutputSchema>;
