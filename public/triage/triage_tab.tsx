/** The "Triage" tab of the alert flyout: latest verdict, narrative and related-alert graph. */
import { EuiBadge, EuiCallOut, EuiCodeBlock, EuiFlexGroup, EuiFlexItem, EuiLoadingSpinner, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import { useCallback, useEffect, useState } from 'react';
import type { NarrativeResponse, RelatedGraphResponse } from '../../common/api/triage';
import { RelatedGraph } from './related_graph';
import { triageRefresh$ } from './refresh_bus';
import type { TriageApi } from './triage_api';
import { parseVerdict, type TriageVerdict } from './verdict';

export interface TriageTabProps {
  alertId: string;
  api: TriageApi;
  onOpenAlert(alertId: string): void;
}

type Loadable<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

const CLASS_COLORS: Record<string, string> = { false_positive: 'success', benign_true_positive: 'primary', true_positive: 'danger' };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function load<T>(promise: Promise<T>, set: (l: Loadable<T>) => void, alive: () => boolean): void {
  set({ state: 'loading' });
  promise.then(
    (value) => alive() && set({ state: 'ready', value }),
    (error: unknown) => alive() && set({ state: 'error', message: messageOf(error) }),
  );
}

export function VerdictPanel({ verdict }: { verdict: TriageVerdict }) {
  if (verdict.state === 'none') {
    return (
      <EuiText size="s" color="subdued" data-test-subj="triageNotTriaged">
        Not triaged yet. Use “Run triage” to analyse this alert.
      </EuiText>
    );
  }
  if (verdict.state === 'not_analysed') {
    return (
      <EuiCallOut color="warning" iconType="warning" title={`Not analysed: ${verdict.reason}`} data-test-subj="triageNotAnalysed">
        {verdict.message && <p>{verdict.message}</p>}
      </EuiCallOut>
    );
  }
  return (
    <div data-test-subj="triageVerdict">
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiBadge color={CLASS_COLORS[verdict.classification] ?? 'hollow'} data-test-subj="triageClassification">
            {verdict.classification}
          </EuiBadge>
        </EuiFlexItem>
        {verdict.confidence !== undefined && (
          <EuiFlexItem grow={false}>
            <EuiText size="s" data-test-subj="triageConfidence">
              Confidence {Math.round(verdict.confidence * 100)}%
            </EuiText>
          </EuiFlexItem>
        )}
        {verdict.closedByWorkflow && (
          <EuiFlexItem grow={false}>
            <EuiBadge color="default">closed by workflow</EuiBadge>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      {verdict.rationale && (
        <>
          <EuiSpacer size="s" />
          <EuiText size="s" data-test-subj="triageRationale">
            <p>{verdict.rationale}</p>
          </EuiText>
        </>
      )}
    </div>
  );
}

export function TriageTab({ alertId, api, onOpenAlert }: TriageTabProps) {
  const [verdict, setVerdict] = useState<Loadable<TriageVerdict>>({ state: 'loading' });
  const [narrative, setNarrative] = useState<Loadable<NarrativeResponse>>({ state: 'loading' });
  const [graph, setGraph] = useState<Loadable<RelatedGraphResponse>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    const sub = triageRefresh$.subscribe((id) => id === alertId && reload());
    return () => sub.unsubscribe();
  }, [alertId, reload]);

  useEffect(() => {
    let alive = true;
    const isAlive = () => alive;
    load(api.getTriageState(alertId).then(({ tags, notes }) => parseVerdict(tags, notes)), setVerdict, isAlive);
    load(api.getNarrative(alertId), setNarrative, isAlive);
    load(api.getRelatedGraph(alertId), setGraph, isAlive);
    return () => {
      alive = false;
    };
  }, [api, alertId, generation]);

  return (
    <div data-test-subj="triageTab">
      <EuiTitle size="xs">
        <h3>Verdict</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      {verdict.state === 'loading' && <EuiLoadingSpinner size="m" />}
      {verdict.state === 'error' && <EuiCallOut color="danger" title="Could not load the verdict" data-test-subj="triageVerdictError">{verdict.message}</EuiCallOut>}
      {verdict.state === 'ready' && <VerdictPanel verdict={verdict.value} />}
      <EuiSpacer size="m" />
      <EuiTitle size="xs">
        <h3>Narrative</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      {narrative.state === 'loading' && <EuiLoadingSpinner size="m" />}
      {narrative.state === 'error' && <EuiCallOut color="danger" title="Could not render the narrative" data-test-subj="triageNarrativeError">{narrative.message}</EuiCallOut>}
      {narrative.state === 'ready' && (
        <EuiCodeBlock language="text" fontSize="s" paddingSize="s" transparentBackground data-test-subj="triageNarrative">
          {narrative.value.text}
        </EuiCodeBlock>
      )}
      <EuiSpacer size="m" />
      <EuiTitle size="xs">
        <h3>Related alerts</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      {graph.state === 'loading' && <EuiLoadingSpinner size="m" />}
      {graph.state === 'error' && <EuiCallOut color="danger" title="Could not build the related-alert graph" data-test-subj="triageGraphError">{graph.message}</EuiCallOut>}
      {graph.state === 'ready' && (
        <>
          <EuiText size="xs" color="subdued" data-test-subj="triageGraphStats">
            {graph.value.alerts.length - 1} related alerts · {graph.value.edges.length} links · stopped: {graph.value.stats.stop_reason}
          </EuiText>
          {graph.value.alerts.length > 1 ? (
            <RelatedGraph graph={graph.value} seedId={alertId} onOpenAlert={(id) => id !== alertId && onOpenAlert(id)} />
          ) : (
            <EuiText size="s" color="subdued">
              No related alerts share enough entities with this one.
            </EuiText>
          )}
        </>
      )}
    </div>
  );
}
