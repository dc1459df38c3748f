import type { CoreStart } from '../../platform/core/public';
import type { SecurityAiAssistantStartDeps } from '../plugin';

/** Triage results in the alerts app: verdict, narrative and related-alert graph in the flyout; "Run triage". */
export function startTriageUi(_core: CoreStart, _plugins: SecurityAiAssistantStartDeps): void {}
