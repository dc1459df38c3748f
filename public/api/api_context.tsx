/** The API client and space every assistant component reads, from one React context. */
import { createContext, useContext, type ReactNode } from 'react';
import type { AssistantApi } from './assistant_api';

export interface AssistantApiContextValue {
  api: AssistantApi;
  spaceId: string;
}

const ApiContext = createContext<AssistantApiContextValue | undefined>(undefined);

export function AssistantApiProvider({ value, children }: { value: AssistantApiContextValue; children: ReactNode }) {
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useAssistantApi(): AssistantApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useAssistantApi must be used inside AssistantApiProvider');
  return value;
}
