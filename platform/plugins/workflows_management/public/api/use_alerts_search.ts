/** Alerts for the Run dialog's Alert tab (`POST /internal/workflows/alerts/_search`). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useWorkflowsServices } from '../app/services';
import { queryKeys } from './query_keys';
import type { AlertsSearchRequest } from './types';

export function useAlertsSearch(request: AlertsSearchRequest, enabled: boolean) {
  const { api } = useWorkflowsServices();
  return useQuery({
    queryKey: queryKeys.alerts(request),
    queryFn: ({ signal }) => api.searchAlerts(request, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
