/** The Monaco YAML editor (lazy chunk): monaco-yaml schema support, our markers, completions, Ctrl/Cmd+S. */
import { useEffect, useRef } from 'react';
import { diagnosticToMarker, MARKER_OWNER, severityFromMarker, type EditorProblem } from '../lib/diagnostics';
import { planStepInsertion } from '../lib/step_insert';
import type { StepCatalogEntry } from '../lib/step_catalog';
import { configureWorkflowSchema, monaco, setupMonacoEnvironment } from './monaco/monaco_environment';
import { monacoSeverity, registerWorkflowProviders } from './monaco/providers';
import type { YamlEditorProps } from './yaml_editor_types';

let modelCounter = 0;

export default function YamlEditor(props: YamlEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor>();
  // Latest props for callbacks registered once.
  const latest = useRef(props);
  latest.current = props;
  const catalogRef = useRef<readonly StepCatalogEntry[]>(props.catalog);
  catalogRef.current = props.catalog;

  useEffect(() => {
    if (!container.current) return undefined;
    setupMonacoEnvironment(props.workersUrl);
    configureWorkflowSchema(latest.current.schema);
    const model = monaco.editor.createModel(latest.current.initialValue, 'yaml', monaco.Uri.parse(`inmemory://workflows/workflow-${++modelCounter}.yaml`));
    const editor = monaco.editor.create(container.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    const providers = registerWorkflowProviders(() => catalogRef.current);
    const changes = model.onDidChangeContent(() => latest.current.onChange(model.getValue()));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => latest.current.onSave());
    const reportProblems = () => {
      const problems: EditorProblem[] = monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
        severity: severityFromMarker(monacoSeverity(m.severity)),
        message: m.message,
        source: m.owner === MARKER_OWNER ? 'workflows' : m.owner,
        line: m.startLineNumber,
        column: m.startColumn,
      }));
      latest.current.onProblemsChange(problems);
    };
    const markers = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === model.uri.toString())) reportProblems();
    });
    latest.current.handleRef.current = {
      revealPosition(line, column) {
        editor.revealPositionInCenter({ lineNumber: line, column });
        editor.setPosition({ lineNumber: line, column });
        editor.focus();
      },
      insertStep(snippet) {
        const position = editor.getPosition() ?? { lineNumber: model.getLineCount(), column: 1 };
        const plan = planStepInsertion(model.getLinesContent(), position.lineNumber, snippet);
        const lineCount = model.getLineCount();
        let range: monaco.Range;
        let text: string;
        if (plan.replaceLine) {
          range = new monaco.Range(plan.lineNumber, 1, plan.lineNumber, model.getLineMaxColumn(plan.lineNumber));
          text = plan.text;
        } else if (plan.lineNumber > lineCount) {
          range = new monaco.Range(lineCount, model.getLineMaxColumn(lineCount), lineCount, model.getLineMaxColumn(lineCount));
          text = `\n${plan.text}`;
        } else {
          range = new monaco.Range(plan.lineNumber, 1, plan.lineNumber, 1);
          text = `${plan.text}\n`;
        }
        editor.executeEdits('workflows-step-picker', [{ range, text, forceMoveMarkers: true }]);
        editor.revealLineInCenter(plan.lineNumber);
        editor.setPosition({ lineNumber: plan.lineNumber, column: 1 });
        editor.focus();
      },
    };
    return () => {
      latest.current.handleRef.current = undefined;
      markers.dispose();
      changes.dispose();
      providers.dispose();
      editor.dispose();
      model.dispose();
    };
    // The editor is created once and owns the text from then on; schema and diagnostics are synced below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => configureWorkflowSchema(props.schema), [props.schema]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, props.diagnostics.map(diagnosticToMarker));
  }, [props.diagnostics]);

  return <div ref={container} style={{ height: props.height ?? 560, width: '100%', border: '1px solid #d3dae6', borderRadius: 4 }} data-test-subj="workflowYamlEditor" />;
}
