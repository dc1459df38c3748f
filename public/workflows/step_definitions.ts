import { createPublicStepDefinition, type PublicStepDefinition } from '../../platform/plugins/workflows_extensions/common/step_definition';
import {
  buildAlertEntityGraphCommonDefinition,
  renderAlertNarrativeCommonDefinition,
  validateAlertVerdictCommonDefinition,
} from '../../common/workflows';

/** What the workflow editor shows for the triage steps: the common definition plus an EUI icon. */
export const publicTriageStepDefinitions: readonly PublicStepDefinition[] = [
  createPublicStepDefinition({ ...renderAlertNarrativeCommonDefinition, icon: 'timeslider' }),
  createPublicStepDefinition({ ...buildAlertEntityGraphCommonDefinition, icon: 'link' }),
  createPublicStepDefinition({ ...validateAlertVerdictCommonDefinition, icon: 'checkInCircleFilled' }),
];
