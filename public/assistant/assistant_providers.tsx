/** Everything an assistant React root needs: EUI theme, react-intl, react-query, the API and the service. */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { KibanaRenderContextProvider } from '../../platform/core/public';
import { AssistantApiProvider, type AssistantApi } from '../api';
import { AssistantServiceContext, type AssistantService } from './service';

export interface AssistantProvidersProps {
  api: AssistantApi;
  spaceId: string;
  queryClient: QueryClient;
  service: AssistantService;
  locale?: string;
  children: ReactNode;
}

export function AssistantProviders({ api, spaceId, queryClient, service, locale = 'en', children }: AssistantProvidersProps) {
  return (
    <KibanaRenderContextProvider>
      {/* Messages are the defaultMessages until translations ship. */}
      <IntlProvider locale={locale} defaultLocale="en">
        <QueryClientProvider client={queryClient}>
          <AssistantApiProvider value={{ api, spaceId }}>
            <AssistantServiceContext.Provider value={service}>{children}</AssistantServiceContext.Provider>
          </AssistantApiProvider>
        </QueryClientProvider>
      </IntlProvider>
    </KibanaRenderContextProvider>
  );
}
