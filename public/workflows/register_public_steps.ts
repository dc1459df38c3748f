import type { CoreSetup } from '../../platform/core/public';
import type { PublicStepDefinition, WorkflowsExtensionsSetup } from '../../platform/plugins/workflows_extensions/common/step_definition';

/** Public triage step definitions (label, icon, docs, examples) for the workflow editor, behind the steps flag. */
export function registerPublicStepDefinitions(_options: { core: CoreSetup; workflowsExtensions: WorkflowsExtensionsSetup<PublicStepDefinition> }): void {}
