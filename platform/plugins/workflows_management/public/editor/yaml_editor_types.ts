/** The lazily loaded Monaco editor's props and imperative handle (kept apart so the page never imports monaco). */
import type { MutableRefObject } from 'react';
import type { WorkflowDiagnostic } from '../../../../packages/workflows/definition';
import type { EditorProblem } from '../lib/diagnostics';
import type { StepCatalogEntry } from '../lib/step_catalog';

export interface YamlEditorHandle {
  revealPosition(line: number, column: number): void;
  /** Inserts a step snippet at the cursor, indented to fit (§7 step picker). */
  insertStep(snippet: string): void;
}

export interface YamlEditorProps {
  /**
   * The text at mount; afterwards the editor owns it and reports edits through onChange (pushing every re-render's
   * value back would race with typing and drop keystrokes).
   */
  initialValue: string;
  onChange(value: string): void;
  /** JSON Schema from `GET /api/workflows/schema`, for monaco-yaml. */
  schema?: Record<string, unknown>;
  /** `/validate` diagnostics, shown as markers with owner `workflows`. */
  diagnostics: readonly WorkflowDiagnostic[];
  /** Every marker on the model (ours and monaco-yaml's), for the problems panel. */
  onProblemsChange(problems: EditorProblem[]): void;
  onSave(): void;
  catalog: readonly StepCatalogEntry[];
  /** Where the worker bundles are served (`<serverBasePath>/bundles/workers`). */
  workersUrl: string;
  handleRef: MutableRefObject<YamlEditorHandle | undefined>;
  height?: number | string;
}
