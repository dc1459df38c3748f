import type { WorkflowDiagnostic } from '../definition';
import type { DiagnosticPath, WorkflowYamlDocument } from './yaml_document';

type Code = WorkflowDiagnostic['code'];

/** Collects diagnostics with positions resolved from the YAML document. */
export class DiagnosticCollector {
  readonly diagnostics: WorkflowDiagnostic[] = [];

  constructor(private readonly document: WorkflowYamlDocument) {}

  error(code: Code, message: string, path: DiagnosticPath, options?: { key?: boolean }): void {
    this.add('error', code, message, path, options);
  }

  warning(code: Code, message: string, path: DiagnosticPath, options?: { key?: boolean }): void {
    this.add('warning', code, message, path, options);
  }

  private add(severity: WorkflowDiagnostic['severity'], code: Code, message: string, path: DiagnosticPath, options?: { key?: boolean }): void {
    this.diagnostics.push({ severity, code, message, path: [...path], ...this.document.positionOf(path, options) });
  }
}
