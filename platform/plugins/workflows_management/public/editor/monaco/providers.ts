/** Our completion and hover providers: step types from the catalog, template context inside `{{ }}`. */
import { MARKER_SEVERITY } from '../../lib/diagnostics';
import type { StepCatalogEntry } from '../../lib/step_catalog';
import { precedingStepNames, templateCompletions } from '../../lib/template_completion';
import { outlineWorkflowYaml } from '../../lib/yaml_outline';
import { monaco } from './monaco_environment';

const TYPE_LINE = /^(\s*(?:-\s+)?type:\s*)(["']?)([\w.-]*)$/;

export function stepDocumentation(entry: StepCatalogEntry): string {
  const parts = [`**${entry.label}** \`${entry.id}\``];
  if (entry.description) parts.push(entry.description);
  if (entry.details) parts.push(entry.details);
  if (entry.url) parts.push(`[Documentation](${entry.url})`);
  return parts.join('\n\n');
}

/** Registers the providers; returns a disposer. `catalog()` is read on every request so it stays current. */
export function registerWorkflowProviders(catalog: () => readonly StepCatalogEntry[]): monaco.IDisposable {
  const completion = monaco.languages.registerCompletionItemProvider('yaml', {
    triggerCharacters: ['.', '{', ' ', ':'],
    provideCompletionItems(model, position) {
      const linePrefix = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const typeMatch = TYPE_LINE.exec(linePrefix);
      if (typeMatch) {
        const partial = typeMatch[3];
        const range = new monaco.Range(position.lineNumber, position.column - partial.length, position.lineNumber, position.column);
        return {
          suggestions: catalog().map((entry) => ({
            label: { label: entry.id, description: entry.label },
            kind: monaco.languages.CompletionItemKind.Class,
            detail: entry.label,
            documentation: { value: stepDocumentation(entry) },
            insertText: entry.id,
            sortText: `0_${entry.id}`,
            range,
          })),
        };
      }
      const text = model.getValue();
      const outline = outlineWorkflowYaml(text);
      const result = templateCompletions(linePrefix, outline, precedingStepNames(text.split('\n'), position.lineNumber, outline.stepNames));
      if (!result) return { suggestions: [] };
      const range = new monaco.Range(position.lineNumber, position.column - result.replaceLength, position.lineNumber, position.column);
      return {
        suggestions: result.items.map((item) => ({
          label: item.label,
          kind: item.kind === 'module' ? monaco.languages.CompletionItemKind.Module : monaco.languages.CompletionItemKind.Field,
          detail: item.detail,
          insertText: item.label,
          sortText: `0_${item.label}`,
          range,
        })),
      };
    },
  });
  const hover = monaco.languages.registerHoverProvider('yaml', {
    provideHover(model, position) {
      const line = model.getLineContent(position.lineNumber);
      const m = /^(\s*(?:-\s+)?type:\s*["']?)([\w.-]+)/.exec(line);
      if (!m) return null;
      const start = m[1].length + 1;
      const end = start + m[2].length;
      if (position.column < start || position.column > end) return null;
      const entry = catalog().find((e) => e.id === m[2]);
      if (!entry) return null;
      return { range: new monaco.Range(position.lineNumber, start, position.lineNumber, end), contents: [{ value: stepDocumentation(entry) }] };
    },
  });
  return { dispose: () => [completion, hover].forEach((d) => d.dispose()) };
}

export const monacoSeverity = (severity: monaco.MarkerSeverity): number =>
  severity === monaco.MarkerSeverity.Error ? MARKER_SEVERITY.Error : severity === monaco.MarkerSeverity.Warning ? MARKER_SEVERITY.Warning : MARKER_SEVERITY.Info;
