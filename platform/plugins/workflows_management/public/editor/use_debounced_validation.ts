/** `/validate` of the buffer, 500 ms after the last keystroke; older requests are aborted. */
import { useEffect, useState } from 'react';
import type { ValidateWorkflowResponse } from '../api';
import { useWorkflowsServices } from '../app/services';

export const VALIDATE_DEBOUNCE_MS = 500;

export function useDebouncedValidation(yaml: string | undefined): { result?: ValidateWorkflowResponse; validating: boolean; error?: string } {
  const { api } = useWorkflowsServices();
  const [state, setState] = useState<{ result?: ValidateWorkflowResponse; validating: boolean; error?: string }>({ validating: false });
  useEffect(() => {
    if (yaml === undefined) return undefined;
    const controller = new AbortController();
    setState((s) => ({ ...s, validating: true }));
    const timer = setTimeout(() => {
      api.validateWorkflow(yaml, controller.signal).then(
        (result) => setState({ result, validating: false }),
        (e: Error) => {
          if (e.name !== 'AbortError') setState((s) => ({ ...s, validating: false, error: e.message }));
        },
      );
    }, VALIDATE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, yaml]);
  return state;
}
