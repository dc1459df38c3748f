export {
  alertReferenceSchema,
  renderAlertNarrativeInputSchema,
  renderAlertNarrativeOutputSchema,
  narrativeItemSchema,
  DEFAULT_MAX_VALUE_LENGTH,
  MIN_MAX_VALUE_LENGTH,
  MAX_MAX_VALUE_LENGTH,
} from './schema';
export type {
  AlertReference,
  RenderAlertNarrativeRawInput,
  RenderAlertNarrativeInput, RenderAlertNarrativeOutput, NarrativeItem } from './schema';
export { renderAlertNarrativeCommonDefinition } from './definition';
