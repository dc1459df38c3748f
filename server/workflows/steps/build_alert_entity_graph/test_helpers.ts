import { buildAlertEntityGraphInputSchema, type BuildAlertEntityGraphRawInput } from '../../../../common/workflows';
import { prepareGraphConfig, type PreparedGraphConfig } from './config';

/** Test helper: a prepared config from raw step input, through the real schema (defaults applied). */
export function configFor(input: Omit<BuildAlertEntityGraphRawInput, 'alertId'> = {}): PreparedGraphConfig {
  return prepareGraphConfig(buildAlertEntityGraphInputSchema.parse({ alertId: 'seed', ...input }));
}
