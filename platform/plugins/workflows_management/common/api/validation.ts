import { z } from 'zod/v4';

/** `POST /api/workflows/validate` response and the diagnostics carried by 400s (`attributes.diagnostics`). */
export const workflowDiagnostic = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
});

export const validateWorkflowResponse = z.object({ valid: z.boolean(), diagnostics: z.array(workflowDiagnostic) });
export type ValidateWorkflowResponse = z.output<typeof validateWorkflowResponse>;

/** The error body every route answers with (Kibana's shape). */
export interface WorkflowsErrorBody {
  statusCode: number;
  error: string;
  message: string;
  attributes?: { diagnostics?: Array<z.output<typeof workflowDiagnostic>>; [key: string]: unknown };
}
