/**
 * The Run dialog (§7): a Manual tab (inputs form or JSON) and an Alert tab (pick alerts), shown according to the
 * workflow's triggers. From the list it calls `/run`, from the editor `/test`; then hands back the execution id.
 */
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiSpacer,
  EuiTab,
  EuiTabs,
} from '@elastic/eui';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { WorkflowInputs } from '../../../../packages/workflows/definition';
import { useRunWorkflow, type AlertSummary, type RunTarget } from '../api';
import { TestRunBadge } from '../components/test_run_badge';
import { buildInputFields, formValuesToInputs, initialFormValues, inputsToFormValues, type InputFormValues } from '../lib/input_form';
import { AlertPicker } from './alert_picker';
import { ManualInputsForm } from './manual_inputs_form';
import { runMessages } from './translations';

export type RunTab = 'manual' | 'alert';

/** Which tabs the workflow's triggers allow; a workflow with neither trigger still gets the Manual tab. */
export function runTabsFor(triggerTypes: readonly string[], hasInputs: boolean): RunTab[] {
  const tabs: RunTab[] = [];
  if (triggerTypes.includes('manual') || hasInputs || !triggerTypes.includes('alert')) tabs.push('manual');
  if (triggerTypes.includes('alert')) tabs.push('alert');
  return tabs;
}

/** The `inputs` of an alert run (§6.2). */
export function alertRunInputs(alerts: readonly AlertSummary[]): Record<string, unknown> {
  return { event: { triggerType: 'alert', alertIds: alerts.map((a) => ({ _id: a._id, _index: a._index })) } };
}

export interface RunWorkflowModalProps {
  target: RunTarget;
  triggerTypes: readonly string[];
  inputs?: WorkflowInputs;
  onClose(): void;
  onStarted(executionId: string): void;
}

function errorMessage(error: Error): string {
  const body = (error as Error & { body?: unknown }).body;
  const diagnostics =
    typeof body === 'object' && body !== null && 'attributes' in body
      ? ((body as { attributes?: { diagnostics?: Array<{ message: string; line?: number }> } }).attributes?.diagnostics ?? [])
      : [];
  return [error.message, ...diagnostics.slice(0, 5).map((d) => (d.line ? `line ${d.line}: ${d.message}` : d.message))].join('\n');
}

export function RunWorkflowModal({ target, triggerTypes, inputs, onClose, onStarted }: RunWorkflowModalProps) {
  const intl = useIntl();
  const fields = useMemo(() => buildInputFields(inputs), [inputs]);
  const tabs = runTabsFor(triggerTypes, fields.length > 0);
  const [tab, setTab] = useState<RunTab>(tabs[0] ?? 'manual');
  const [values, setValues] = useState<InputFormValues>(() => initialFormValues(fields));
  const [jsonMode, setJsonMode] = useState(false);
  const [jsonText, setJsonText] = useState('');
  const [jsonError, setJsonError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [alerts, setAlerts] = useState<AlertSummary[]>([]);
  const [alertError, setAlertError] = useState<string>();
  const run = useRunWorkflow();

  const parseJson = (text: string): Record<string, unknown> | undefined => {
    try {
      const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      setJsonError(undefined);
      return parsed as Record<string, unknown>;
    } catch (e) {
      setJsonError(intl.formatMessage(runMessages.jsonInvalid, { message: (e as Error).message }));
      return undefined;
    }
  };

  const switchJsonMode = (json: boolean) => {
    if (json) {
      setJsonText(JSON.stringify(formValuesToInputs(fields, values).inputs, null, 2));
      setJsonError(undefined);
    } else {
      const parsed = parseJson(jsonText);
      if (!parsed) return;
      setValues(inputsToFormValues(fields, parsed));
    }
    setJsonMode(json);
  };

  const submit = () => {
    let runInputs: Record<string, unknown>;
    if (tab === 'alert') {
      if (alerts.length === 0) {
        setAlertError(intl.formatMessage(runMessages.selectAlert));
        return;
      }
      setAlertError(undefined);
      runInputs = alertRunInputs(alerts);
    } else if (jsonMode) {
      const parsed = parseJson(jsonText);
      if (!parsed) return;
      runInputs = parsed;
    } else {
      const { inputs: converted, errors } = formValuesToInputs(fields, values);
      setFieldErrors(errors);
      if (Object.keys(errors).length > 0) return;
      runInputs = converted;
    }
    run.mutate({ target, inputs: runInputs }, { onSuccess: (r) => onStarted(r.workflowExecutionId) });
  };

  return (
    <EuiModal onClose={onClose} maxWidth={1200} style={{ width: tab === 'alert' ? 1100 : 640 }} data-test-subj="runWorkflowModal">
      <EuiModalHeader>
        <EuiModalHeaderTitle>
          {intl.formatMessage(target.mode === 'test' ? runMessages.testTitle : runMessages.title)} {target.mode === 'test' && <TestRunBadge />}
        </EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        {tabs.length > 1 && (
          <>
            <EuiTabs size="s">
              {tabs.map((t) => (
                <EuiTab key={t} isSelected={tab === t} onClick={() => setTab(t)} data-test-subj={`runTab-${t}`}>
                  {intl.formatMessage(t === 'manual' ? runMessages.manualTab : runMessages.alertTab)}
                </EuiTab>
              ))}
            </EuiTabs>
            <EuiSpacer size="m" />
          </>
        )}
        {tab === 'manual' ? (
          <ManualInputsForm
            fields={fields}
            values={values}
            errors={fieldErrors}
            onChange={setValues}
            jsonMode={jsonMode}
            onJsonModeChange={switchJsonMode}
            jsonText={jsonText}
            jsonError={jsonError}
            onJsonTextChange={setJsonText}
          />
        ) : (
          <AlertPicker selected={alerts} onSelectionChange={setAlerts} />
        )}
        {alertError && tab === 'alert' && (
          <EuiCallOut color="warning" size="s" title={alertError} data-test-subj="runAlertSelectionError" />
        )}
        {run.isError && (
          <>
            <EuiSpacer size="m" />
            <EuiCallOut color="danger" iconType="error" title={intl.formatMessage(runMessages.runFailed)} data-test-subj="runWorkflowError">
              <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{errorMessage(run.error)}</pre>
            </EuiCallOut>
          </>
        )}
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onClose} data-test-subj="runWorkflowCancel">
          {intl.formatMessage(runMessages.cancel)}
        </EuiButtonEmpty>
        <EuiButton fill iconType={target.mode === 'test' ? 'flask' : 'play'} onClick={submit} isLoading={run.isPending} data-test-subj="runWorkflowSubmit">
          {intl.formatMessage(runMessages.run)}
        </EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
}
