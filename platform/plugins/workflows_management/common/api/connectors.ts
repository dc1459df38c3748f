import { z } from 'zod/v4';

/** `GET /api/workflows/connectors`: the AI connectors a workflow's `connector-id` may name. */
export const workflowConnector = z.object({ id: z.string(), name: z.string(), actionTypeId: z.string(), isDefault: z.boolean() });
export type WorkflowConnector = z.output<typeof workflowConnector>;

export const workflowConnectorsResponse = z.object({ connectors: z.array(workflowConnector) });
export type WorkflowConnectorsResponse = z.output<typeof workflowConnectorsResponse>;
