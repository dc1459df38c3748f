/** What every screen of the app needs, provided once at mount (Kibana's `useKibana().services` pattern). */
import { createContext, useContext, type ReactNode } from 'react';
import type { CoreStart, ScopedHistory } from '../../../../core/public';
import type { PublicStepDefinition, WorkflowsExtensionsStart } from '../../../workflows_extensions/common/step_definition';
import type { WorkflowsApi } from '../api/workflows_api';

export interface WorkflowsServices {
  api: WorkflowsApi;
  core: Pick<CoreStart, 'notifications' | 'chrome' | 'http'>;
  history: ScopedHistory;
  /** Absent when workflowsExtensions has no browser contract (steps then show their id and the default icon). */
  stepDefinitions?: Pick<WorkflowsExtensionsStart<PublicStepDefinition>, 'getAllStepDefinitions' | 'isReady'>;
}

const ServicesContext = createContext<WorkflowsServices | undefined>(undefined);

export function WorkflowsServicesProvider({ services, children }: { services: WorkflowsServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useWorkflowsServices(): WorkflowsServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useWorkflowsServices must be used inside WorkflowsServicesProvider');
  return services;
}
