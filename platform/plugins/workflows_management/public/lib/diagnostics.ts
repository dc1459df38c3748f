/** `/validate` diagnostics (§1.5) as Monaco marker data (owner `workflows`) and sorted for the markers panel. */
import type { WorkflowDiagnostic } from '../../../../packages/workflows/definition';

export const MARKER_OWNER = 'workflows';

/** Monaco's MarkerSeverity values, kept here so this module does not load monaco. */
export const MARKER_SEVERITY = { Hint: 1, Info: 2, Warning: 4, Error: 8 } as const;

export interface MarkerData {
  severity: number;
  message: string;
  code?: string;
  source?: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export function diagnosticToMarker(d: WorkflowDiagnostic): MarkerData {
  const startLineNumber = Math.max(1, d.line);
  const startColumn = Math.max(1, d.column);
  let endLineNumber = Math.max(startLineNumber, d.endLine || startLineNumber);
  let endColumn = d.endColumn || startColumn;
  if (endLineNumber === startLineNumber && endColumn <= startColumn) endColumn = startColumn + 1;
  if (endLineNumber < startLineNumber) endLineNumber = startLineNumber;
  return {
    severity: d.severity === 'error' ? MARKER_SEVERITY.Error : MARKER_SEVERITY.Warning,
    message: d.message,
    code: d.code,
    source: 'workflows',
    startLineNumber,
    startColumn,
    endLineNumber,
    endColumn,
  };
}

/** A row of the markers panel, from our diagnostics or from monaco-yaml's schema markers. */
export interface EditorProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  source: string;
  line: number;
  column: number;
}

export function sortProblems(problems: readonly EditorProblem[]): EditorProblem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...problems].sort((a, b) => rank[a.severity] - rank[b.severity] || a.line - b.line || a.column - b.column);
}

export function severityFromMarker(severity: number): EditorProblem['severity'] {
  if (severity >= MARKER_SEVERITY.Error) return 'error';
  if (severity >= MARKER_SEVERITY.Warning) return 'warning';
  return 'info';
}
