import type { WorkflowDiagnostic } from '../../../packages/workflows/definition';
import type { RunInputDiagnostic } from './validation/types';

/**
 * A failure the caller can act on, with the HTTP status the routes answer it with (400 invalid/disabled/bad inputs,
 * 404 unknown ids, 409 conflicts). Routes turn it into `{statusCode, error, message, attributes: {diagnostics}}`.
 */
export class WorkflowsManagementError extends Error {
  readonly diagnostics?: Array<WorkflowDiagnostic | RunInputDiagnostic>;

  constructor(
    readonly statusCode: 400 | 404 | 409,
    message: string,
    options: { diagnostics?: Array<WorkflowDiagnostic | RunInputDiagnostic> } = {},
  ) {
    super(message);
    this.name = 'WorkflowsManagementError';
    if (options.diagnostics) this.diagnostics = options.diagnostics;
  }
}

export const isWorkflowsManagementError = (error: unknown): error is WorkflowsManagementError => error instanceof WorkflowsManagementError;
