import { z } from 'zod/v4';
import type { BaseStepDefinition } from '../../../plugins/workflows_extensions/common/step_definition';

/** Step definitions shaped like the host's built-ins and a registered extension, for validator and schema tests. */
export const TEST_STEP_DEFINITIONS: BaseStepDefinition[] = [
  { id: 'console', inputSchema: z.object({ message: z.string() }), outputSchema: z.string() },
  { id: 'data.set', inputSchema: z.record(z.string(), z.unknown()), outputSchema: z.record(z.string(), z.unknown()) },
  { id: 'wait', inputSchema: z.object({ duration: z.string() }), outputSchema: z.unknown() },
  {
    id: 'http',
    inputSchema: z.object({ url: z.string(), method: z.enum(['GET', 'POST']).default('GET'), body: z.unknown().optional(), timeout: z.string().optional() }),
    outputSchema: z.unknown(),
  },
  { id: 'kibana.request', inputSchema: z.object({ method: z.string().default('GET'), path: z.string(), body: z.unknown().optional() }), outputSchema: z.unknown() },
  { id: 'elasticsearch.search', inputSchema: z.looseObject({ index: z.union([z.string(), z.array(z.string())]) }), outputSchema: z.unknown() },
  {
    id: 'ai.agent',
    inputSchema: z.object({ message: z.string(), schema: z.unknown().optional() }),
    outputSchema: z.unknown(),
    configSchema: z.object({ 'agent-id': z.string().default('elastic-ai-agent'), 'connector-id': z.string().optional(), 'create-conversation': z.boolean().default(false) }),
  },
  {
    id: 'security.renderAlertNarrative',
    label: 'Render alert narrative',
    description: 'Plain-English story of an alert.',
    inputSchema: z.object({ alert: z.record(z.string(), z.unknown()), maxChars: z.number().int().positive().default(2000), mode: z.enum(['short', 'long']).optional() }),
    outputSchema: z.object({ narrative: z.string() }),
  },
];
