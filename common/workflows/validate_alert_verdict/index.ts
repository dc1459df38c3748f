export {
  alertVerdictSchema,
  alertVerdictJsonSchema,
  validateAlertVerdictInputSchema,
  validateAlertVerdictOutputSchema,
  VERDICT_CLASSIFICATIONS,
  VERDICT_INVALID_REASONS,
  VERDICT_LIMITS,
} from './schema';
export type {
  AlertVerdict,
  VerdictClassification,
  ValidateAlertVerdictInput,
  ValidateAlertVerdictOutput,
} from './schema';
export { validateAlertVerdictCommonDefinition } from './definition';
