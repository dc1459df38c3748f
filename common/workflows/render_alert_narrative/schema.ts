import { z } from 'zod/v4';
import { MAX_NARRATIVE_BATCH } from '../constants';
import { coercedNumber, finiteNumber } from '../schema_helpers';

export const DEFAULT_MAX_VALUE_LENGTH = 256;
export const MIN_MAX_VALUE_LENGTH = 16;
export const MAX_MAX_VALUE_LENGTH = 4096;

/** An alert reference: an id, or `{alert_id, alert_index}` (extra keys are dropped, so graph `alerts` fit as-is). */
export const alertReferenceSchema = z.union([
  z.string().min(1).describe('An alert id, read from `alertIndex`.'),
  z
    .object({
      alert_id: z.string().min(1).describe('Alert id (`_id`).'),
      alert_index: z.string().min(1).optional().describe('Index holding the alert; defaults to `alertIndex`.'),
    })
    .describe('An alert id with the index it lives in, such as an entry of the entity graph `alerts` output.'),
]);
export type AlertReference = z.infer<typeof alertReferenceSchema>;

export const renderAlertNarrativeInputSchema = z
  .object({
    alertId: z.string().min(1).optional().describe('Single mode: the id of the alert to render.'),
    alertIds: z
      .array(alertReferenceSchema)
      .min(1)
      .max(MAX_NARRATIVE_BATCH)
      .optional()
      .describe(
        `Batch mode: 1..${MAX_NARRATIVE_BATCH} alert ids or {alert_id, alert_index} objects, read with one request. ` +
          'Duplicates are dropped (the first is kept).',
      ),
    alertIndex: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Index for entries that carry none. Defaults to the space's alerts alias; only that alias and its " +
          'backing indices are accepted.',
      ),
    max_value_length: coercedNumber(finiteNumber().int().min(MIN_MAX_VALUE_LENGTH).max(MAX_MAX_VALUE_LENGTH))
      .default(DEFAULT_MAX_VALUE_LENGTH)
      .describe(
        `Longest value (in characters) written into a narrative; longer values end with "…". ` +
          `${MIN_MAX_VALUE_LENGTH}..${MAX_MAX_VALUE_LENGTH}, default ${DEFAULT_MAX_VALUE_LENGTH}.`,
      ),
  })
  .superRefine((input, ctx) => {
    const count = Number(input.alertId !== undefined) + Number(input.alertIds !== undefined);
    if (count !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: count === 0 ? ['alertId'] : ['alertIds'],
        message: 'Provide exactly one of alertId or alertIds',
      });
    }
  });
export type RenderAlertNarrativeInput = z.infer<typeof renderAlertNarrativeInputSchema>;
/** The input as a caller writes it (before defaults and coercion). */
export type RenderAlertNarrativeRawInput = z.input<typeof renderAlertNarrativeInputSchema>;

export const narrativeItemSchema = z.object({
  alert_id: z.string(),
  alert_index: z.string().describe('The concrete index the alert was read from, or the requested index.'),
  found: z.boolean(),
  strategy: z.string().optional().describe('The narrative strategy that rendered the alert.'),
  timeline_string: z.string().optional(),
  error: z.string().optional().describe('Why the item was not rendered.'),
});
export type NarrativeItem = z.infer<typeof narrativeItemSchema>;

export const renderAlertNarrativeOutputSchema = z.object({
  alert_id: z.string().optional().describe('Single mode only.'),
  alert_index: z.string().optional().describe('Single mode only.'),
  strategy: z.string().optional().describe('Single mode only.'),
  timeline_string: z
    .string()
    .describe(
      'Single mode: the narrative. Batch mode: one `<alert_index>:<alert_id>: <narrative>` line per rendered alert.',
    ),
  narratives: z.array(narrativeItemSchema).describe('One entry per requested alert, in input order.'),
  errors: z.number().int().min(0).describe('How many requested alerts were not rendered.'),
  message: z.string(),
});
export type RenderAlertNarrativeOutput = z.infer<typeof renderAlertNarrativeOutputSchema>;
