/** The flyout header's "Run triage": runs the workflow on the alert, shows live progress, then refreshes the tab. */
import { EuiButton, EuiCallOut, EuiProgress, EuiText } from '@elastic/eui';
import { useEffect, useRef, useState } from 'react';
import { triageRefresh$ } from './refresh_bus';
import { describeProgress, TERMINAL_STATUSES, type TriageApi, type WorkflowExecution } from './triage_api';

export interface RunTriageActionProps {
  alert: { id: string; index: string };
  api: TriageApi;
  pollMs?: number;
}

type RunState =
  | { state: 'idle' }
  | { state: 'running'; executionId?: string; execution?: WorkflowExecution }
  | { state: 'done'; status: string }
  | { state: 'error'; message: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function RunTriageAction({ alert, api, pollMs = 1000 }: RunTriageActionProps) {
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const start = async () => {
    setRun({ state: 'running' });
    try {
      const executionId = await api.runTriage([alert]);
      setRun({ state: 'running', executionId });
      for (;;) {
        if (!alive.current) return;
        const execution = await api.getExecution(executionId);
        if (!alive.current) return;
        if (TERMINAL_STATUSES.includes(execution.status)) {
          if (execution.status === 'completed') setRun({ state: 'done', status: execution.status });
          else setRun({ state: 'error', message: `Triage ${execution.status}${execution.error ? `: ${execution.error.message}` : ''}` });
          triageRefresh$.next(alert.id);
          return;
        }
        setRun({ state: 'running', executionId, execution });
        await sleep(pollMs);
      }
    } catch (error) {
      if (alive.current) setRun({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
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
