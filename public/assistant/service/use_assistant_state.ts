import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AssistantService } from './assistant_service';
import type { AssistantState } from './types';

export const AssistantServiceContext = createContext<AssistantService | undefined>(undefined);

export function useAssistantService(): AssistantService {
  const service = useContext(AssistantServiceContext);
  if (!service) throw new Error('useAssistantService must be used inside AssistantServiceContext');
  return service;
}

/** Subscribes to one slice of the service state; re-renders only when that slice changes (by identity). */
export function useAssistantState<T>(select: (state: AssistantState) => T): T {
  const service = useAssistantService();
  return useSyncExternalStore(service.subscribe, () => select(service.getState()));
}
