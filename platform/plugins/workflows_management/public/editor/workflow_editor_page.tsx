/**
 * The editor (§7) for `/create` and `/{id}`: name, Save (Ctrl/Cmd+S, unsaved-changes guard), enabled switch, Run
 * (a test run of the buffer), tabs Workflow / Executions, and the Monaco editor (lazy chunk) with its problems panel.
 */
import {
  EuiBadge,
  EuiButton,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingSpinner,
  EuiPageTemplate,
  EuiSpacer,
  EuiSwitch,
  EuiToolTip,
} from '@elastic/eui';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { DEFAULT_WORKFLOW_YAML } from '../../common/default_workflow_yaml';
import { useCreateWorkflow, useStepDefinitions, useUpdateWorkflow, useWorkflow, useWorkflowSchema, type WorkflowDetail } from '../api';
import { workflowAppPath, type EditorTab } from '../app/app_paths';
import { useWorkflowsServices } from '../app/services';
import { useAppRoute } from '../app/use_app_route';
import type { EditorProblem } from '../lib/diagnostics';
import { buildStepCatalog, schemaStepTypes } from '../lib/step_catalog';
import { outlineWorkflowYaml } from '../lib/yaml_outline';
import { ExecutionsTab } from '../executions/executions_tab';
import { RunWorkflowModal } from '../run/run_workflow_modal';
import { ProblemsPanel } from './problems_panel';
import { StepPickerFlyout } from './step_picker_flyout';
import { editorMessages } from './translations';
import { useDebouncedValidation } from './use_debounced_validation';
import type { YamlEditorHandle } from './yaml_editor_types';

// Monaco is a lazy chunk: other apps and the workflow list never download it.
const YamlEditor = lazy(() => import('./yaml_editor'));

export interface WorkflowEditorPageProps {
  workflowId?: string;
  tab: EditorTab;
  executionId?: string;
}

export function WorkflowEditorPage({ workflowId, tab, executionId }: WorkflowEditorPageProps) {
  const intl = useIntl();
  const { core } = useWorkflowsServices();
  const { navigate, href } = useAppRoute();
  const workflow = useWorkflow(workflowId);
  const schema = useWorkflowSchema();
  const definitions = useStepDefinitions();
  const catalog = useMemo(() => buildStepCatalog(definitions, schemaStepTypes(schema.data)), [definitions, schema.data]);
  const create = useCreateWorkflow();
  const update = useUpdateWorkflow();
  const [buffer, setBuffer] = useState<string | undefined>(workflowId ? undefined : DEFAULT_WORKFLOW_YAML);
  const [savedYaml, setSavedYaml] = useState<string | undefined>(undefined);
  const [savedInvalid, setSavedInvalid] = useState(false);
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const [runOpen, setRunOpen] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const editorHandle = useRef<YamlEditorHandle>();

  // Load the stored YAML into the buffer once.
  useEffect(() => {
    if (workflow.data && buffer === undefined) {
      setBuffer(workflow.data.yaml);
      setSavedYaml(workflow.data.yaml);
      setSavedInvalid(!workflow.data.valid);
    }
  }, [workflow.data, buffer]);

  const validation = useDebouncedValidation(buffer);
  const outline = useMemo(() => outlineWorkflowYaml(buffer ?? ''), [buffer]);
  const dirty = buffer !== undefined && buffer !== savedYaml;
  const name = validation.result?.name ?? outline.name ?? workflow.data?.name ?? intl.formatMessage(editorMessages.newWorkflow);
  const bufferValid = validation.result?.valid ?? workflow.data?.valid ?? false;
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    core.chrome.setBreadcrumbs([{ text: intl.formatMessage(editorMessages.backToList), href: href('/') }, { text: name }]);
    core.chrome.docTitle.change([name, intl.formatMessage(editorMessages.backToList)]);
  }, [core, href, intl, name]);

  // Unsaved-changes guard for reloads and closing the tab.
  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const afterSave = useCallback(
    (saved: WorkflowDetail, text: string) => {
      setSavedYaml(text);
      setSavedInvalid(!saved.valid);
      if (saved.valid) core.notifications.toasts.addSuccess(intl.formatMessage(editorMessages.saved, { name: saved.name }));
      if (!workflowId) navigate(workflowAppPath(saved.id, undefined, tab), { replace: true });
    },
    [core, intl, navigate, tab, workflowId],
  );

  const save = useCallback(() => {
    if (buffer === undefined || saving) return;
    const text = buffer;
    const onError = (e: Error) => core.notifications.toasts.addError(e, { title: intl.formatMessage(editorMessages.saveFailed) });
    if (workflowId) update.mutate({ id: workflowId, update: { yaml: text } }, { onSuccess: (saved) => afterSave(saved, text), onError });
    else create.mutate(text, { onSuccess: (saved) => afterSave(saved, text), onError });
  }, [afterSave, buffer, core, create, intl, saving, update, workflowId]);

  // Ctrl/Cmd+S anywhere on the page (Monaco has its own binding while it has focus).
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [save]);

  const leave = (path: string) => {
    if (dirty && !window.confirm(intl.formatMessage(editorMessages.leaveConfirm))) return;
    navigate(path);
  };

  const setTab = (next: EditorTab) => navigate(workflowAppPath(workflowId, undefined, next));
  const toggleEnabled = (enabled: boolean) => {
    if (!workflowId) return;
    update.mutate(
      { id: workflowId, update: { enabled } },
      { onError: (e) => core.notifications.toasts.addError(e, { title: intl.formatMessage(editorMessages.saveFailed) }) },
    );
  };

  if (workflowId && workflow.isError) {
    return (
      <EuiPageTemplate.Section>
        <EuiCallOut color="danger" iconType="error" title={intl.formatMessage(editorMessages.loadFailed)} data-test-subj="workflowLoadError">
          {workflow.error.message}
        </EuiCallOut>
      </EuiPageTemplate.Section>
    );
  }

  const stored = workflow.data;
  const enabledSwitch = (
    <EuiSwitch
      label={intl.formatMessage(editorMessages.enabled)}
      checked={Boolean(stored?.enabled && stored.valid)}
      disabled={!stored || !stored.valid || update.isPending}
      onChange={(e) => toggleEnabled(e.target.checked)}
      data-test-subj="workflowEditorEnabledSwitch"
    />
  );

  return (
    <>
      <EuiPageTemplate.Header
        pageTitle={
          <span data-test-subj="workflowEditorTitle">
            {name}{' '}
            {dirty && (
              <EuiBadge color="warning" data-test-subj="workflowUnsavedBadge">
                {intl.formatMessage(editorMessages.unsaved)}
              </EuiBadge>
            )}
          </span>
        }
        breadcrumbs={[
          { text: intl.formatMessage(editorMessages.backToList), onClick: () => leave('/'), 'data-test-subj': 'workflowsBreadcrumb' },
          { text: name },
        ]}
        rightSideItems={[
          <EuiToolTip key="save" content={intl.formatMessage(editorMessages.saveShortcut)}>
            <EuiButton fill iconType="save" onClick={save} isLoading={saving} isDisabled={buffer === undefined} data-test-subj="saveWorkflowButton">
              {intl.formatMessage(editorMessages.save)}
            </EuiButton>
          </EuiToolTip>,
          <EuiToolTip key="run" content={bufferValid ? intl.formatMessage(editorMessages.runTooltip) : intl.formatMessage(editorMessages.runInvalid)}>
            <EuiButton iconType="flask" onClick={() => setRunOpen(true)} isDisabled={!bufferValid || buffer === undefined} data-test-subj="runWorkflowButton">
              {intl.formatMessage(editorMessages.run)}
            </EuiButton>
          </EuiToolTip>,
          <EuiToolTip
            key="enabled"
            content={!stored ? intl.formatMessage(editorMessages.enableUnsaved) : !stored.valid ? intl.formatMessage(editorMessages.enableLocked) : undefined}
          >
            {enabledSwitch}
          </EuiToolTip>,
        ]}
        tabs={[
          { label: intl.formatMessage(editorMessages.tabWorkflow), isSelected: tab === 'workflow', onClick: () => setTab('workflow'), 'data-test-subj': 'workflowTab' },
          { label: intl.formatMessage(editorMessages.tabExecutions), isSelected: tab === 'executions', onClick: () => setTab('executions'), 'data-test-subj': 'executionsTab' },
        ]}
      />
      <EuiPageTemplate.Section>
        {savedInvalid && savedYaml !== undefined && (
          <>
            <EuiCallOut color="warning" iconType="warning" title={intl.formatMessage(editorMessages.savedInvalid)} data-test-subj="workflowSavedInvalidCallout" />
            <EuiSpacer size="m" />
          </>
        )}
        <div style={{ display: tab === 'workflow' ? 'block' : 'none' }} data-test-subj="workflowEditorTab">
          {buffer === undefined ? (
            <EuiLoadingSpinner size="xl" />
          ) : (
            <>
              {schema.isError && (
                <>
                  <EuiCallOut size="s" color="warning" title={intl.formatMessage(editorMessages.schemaFailed)} />
                  <EuiSpacer size="s" />
                </>
              )}
              {validation.error && (
                <>
                  <EuiCallOut size="s" color="warning" title={intl.formatMessage(editorMessages.validateFailed, { message: validation.error })} />
                  <EuiSpacer size="s" />
                </>
              )}
              <EuiFlexGroup gutterSize="s" responsive={false}>
                <EuiFlexItem grow={false}>
                  <EuiButton size="s" iconType="plusCircle" onClick={() => setPickerOpen(true)} data-test-subj="addStepButton">
                    {intl.formatMessage(editorMessages.addStep)}
                  </EuiButton>
                </EuiFlexItem>
              </EuiFlexGroup>
              <EuiSpacer size="s" />
              <Suspense fallback={<EuiLoadingSpinner size="xl" />}>
                <YamlEditor
                  initialValue={buffer}
                  onChange={setBuffer}
                  schema={schema.data}
                  diagnostics={validation.result?.diagnostics ?? []}
                  onProblemsChange={setProblems}
                  onSave={save}
                  catalog={catalog}
                  workersUrl={`${core.http.basePath.serverBasePath}/bundles/workers`}
                  handleRef={editorHandle}
                  height="calc(100vh - 420px)"
                />
              </Suspense>
              <EuiSpacer size="s" />
              <ProblemsPanel problems={problems} validating={validation.validating} onJump={(line, column) => editorHandle.current?.revealPosition(line, column)} />
            </>
          )}
        </div>
        {tab === 'executions' && (
          <ExecutionsTab workflowId={workflowId} executionId={executionId} onSelect={(id) => navigate(id ? workflowAppPath(workflowId, id) : workflowAppPath(workflowId, undefined, 'executions'))} />
        )}
      </EuiPageTemplate.Section>
      {pickerOpen && (
        <StepPickerFlyout
          catalog={catalog}
          onClose={() => setPickerOpen(false)}
          onInsert={(snippet) => {
            setPickerOpen(false);
            editorHandle.current?.insertStep(snippet);
          }}
        />
      )}
      {runOpen && buffer !== undefined && (
        <RunWorkflowModal
          target={{ mode: 'test', workflowYaml: buffer, workflowId }}
          triggerTypes={outline.triggerTypes}
          inputs={outline.inputs}
          onClose={() => setRunOpen(false)}
          onStarted={(id) => {
            setRunOpen(false);
            navigate(workflowAppPath(workflowId, id));
          }}
        />
      )}
    </>
  );
}
