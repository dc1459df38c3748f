export * from './step_definition';
export {
  FAILED_TO_REGISTER_MESSAGE,
  RESERVED_STEP_IDS,
  RESERVED_STEP_ID_PREFIXES,
  StepDefinitionRegistry,
  StepDefinitionRegistryError,
  assertValidStepId,
  type RegistryLogger,
  type StepDefinitionRegistryOptions,
} from './step_definition_registry';
export { PLUGIN_ID, STEP_DEFINITIONS_APPROVAL_ROUTE, type StepDefinitionsApprovalResponse } from './constants';
