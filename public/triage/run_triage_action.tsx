/** The flyout header's "Run triage": runs the workflow on the alert, shows live progress, then refreshes the tab and the table. */
import { EuiButton, EuiCallOut, EuiProgress, EuiText } from '@elastic/eui';
import { useEffect, useRef, useState } from 'react';
import { triageRefresh$ } from './refresh_bus';
import { describeProgress, type TriageApi, type WorkflowExecution } from './triage_api';
import { failureMessage, watchExecution } from './watch_execution';

export interface RunTriageActionProps {
  alert: { id: string; index: string };
  api: TriageApi;
  pollMs?: number;
  /** The run finished (whatever its status): the alert changed, so the flyout and the alerts table reload. */
  onFinished?(): void;
}

type RunState =
  | { state: 'idle' }
  | { state: 'running'; executionId?: string; execution?: WorkflowExecution }
  | { state: 'done'; status: string }
  | { state: 'error'; message: string };

export function RunTriageAction({ alert, api, pollMs, onFinished }: RunTriageActionProps) {
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  // Only the screen state depends on being mounted: a run keeps being followed after the flyout closes, so the
  // alerts table still refreshes when it ends.
  const show = (next: RunState) => alive.current && setRun(next);

  const start = async () => {
    setRun({ state: 'running' });
    let executionId: string;
    try {
      executionId = await api.runTriage([alert]);
    } catch (error) {
      show({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    show({ state: 'running', executionId });
    try {
      const final = await watchExecution(api, executionId, { pollMs, onUpdate: (execution) => show({ state: 'running', executionId, execution }) });
      const failure = failureMessage(final);
      show(failure ? { state: 'error', message: failure } : { state: 'done', status: final.status });
    } catch (error) {
      show({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    // Even a failed run may have written a note or tags.
    triageRefresh$.next(alert.id);
    onFinished?.();
  };

  const progress = run.state === 'running' ? describeProgress(run.execution) : undefined;
  return (
    <div data-test-subj="runTriageAction" style={{ minWidth: 160 }}>
      <EuiButton size="s" iconType="play" isLoading={run.state === 'running'} onClick={() => void start()} data-test-subj="runTriageButton">
        Run triage
      </EuiButton>
      {progress && (
        <div data-test-subj="runTriageProgress">
          <EuiProgress size="xs" color="primary" />
          <EuiText size="xs">
            {progress.completed} steps completed{progress.current ? ` · ${progress.current}` : ''}
          </EuiText>
        </div>
      )}
      {run.state === 'done' && (
        <EuiText size="xs" color="success" data-test-subj="runTriageDone">
          Triage completed
        </EuiText>
      )}
      {run.state === 'error' && (
        <EuiCallOut size="s" color="danger" title="Triage failed" data-test-subj="runTriageError">
          {run.message}
        </EuiCallOut>
      )}
    </div>
  );
}
