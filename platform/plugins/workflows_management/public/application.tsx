/** Mounts the Workflows app: EUI theme, react-intl, react-query and the services every screen reads. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import { KibanaRenderContextProvider, type AppMountParameters, type CoreStart } from '../../../core/public';
import { createWorkflowsApi } from './api/workflows_api';
import { WorkflowsServicesProvider, type WorkflowsServices } from './app/services';
import { WorkflowsApp } from './app/workflows_app';
import type { WorkflowsManagementStartDeps } from './types';

export function createQueryClient(): QueryClient {
  // Errors are shown where the data is used; a failed request is retried once, not three times.
  return new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
}

/** The providers without the EUI theme (tests render EuiProvider themselves). */
export function WorkflowsProviders({ services, queryClient, children }: { services: WorkflowsServices; queryClient: QueryClient; children: ReactNode }) {
  return (
    <IntlProvider locale="en" defaultLocale="en">
      <QueryClientProvider client={queryClient}>
        <WorkflowsServicesProvider services={services}>{children}</WorkflowsServicesProvider>
      </QueryClientProvider>
    </IntlProvider>
  );
}

export function renderApp(core: CoreStart, params: AppMountParameters, deps: WorkflowsManagementStartDeps): () => void {
  const services: WorkflowsServices = {
    api: createWorkflowsApi(core.http),
    core,
    history: params.history,
    stepDefinitions: deps.workflowsExtensions,
  };
  const queryClient = createQueryClient();
  const root = createRoot(params.element);
  root.render(
    <KibanaRenderContextProvider>
      <WorkflowsProviders services={services} queryClient={queryClient}>
        <WorkflowsApp />
      </WorkflowsProviders>
    </KibanaRenderContextProvider>,
  );
  return () => {
    root.unmount();
    queryClient.clear();
  };
}
