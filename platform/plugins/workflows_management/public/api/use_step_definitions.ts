/** Public step definitions from workflowsExtensions, once every loader has settled (§7 extension point). */
import { useQuery } from '@tanstack/react-query';
import type { PublicStepDefinition } from '../../../workflows_extensions/common/step_definition';
import { useWorkflowsServices } from '../app/services';
import { queryKeys } from './query_keys';

const NONE: PublicStepDefinition[] = [];

export function useStepDefinitions(): PublicStepDefinition[] {
  const { stepDefinitions } = useWorkflowsServices();
  const query = useQuery({
    queryKey: queryKeys.stepDefinitions,
    queryFn: async () => {
      if (!stepDefinitions) return NONE;
      await stepDefinitions.isReady();
      return stepDefinitions.getAllStepDefinitions();
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  return query.data ?? NONE;
}
