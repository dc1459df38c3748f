/** Markers of the editor (ours and monaco-yaml's) as a list; clicking one moves the cursor there. */
import { EuiBadge, EuiFlexGroup, EuiFlexItem, EuiIcon, EuiLink, EuiPanel, EuiText } from '@elastic/eui';
import { useIntl } from 'react-intl';
import { sortProblems, type EditorProblem } from '../lib/diagnostics';
import { editorMessages } from './translations';

const ICONS = { error: { type: 'error', color: 'danger' }, warning: { type: 'warning', color: 'warning' }, info: { type: 'info', color: 'primary' } } as const;

export function ProblemsPanel({ problems, validating, onJump }: { problems: readonly EditorProblem[]; validating: boolean; onJump(line: number, column: number): void }) {
  const intl = useIntl();
  const sorted = sortProblems(problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  return (
    <EuiPanel hasBorder paddingSize="s" data-test-subj="workflowProblemsPanel">
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiText size="xs">
            <strong>{intl.formatMessage(editorMessages.problems)}</strong>
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiBadge color={errors > 0 ? 'danger' : 'hollow'} data-test-subj="workflowErrorCount">
            {errors}
          </EuiBadge>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiBadge color={warnings > 0 ? 'warning' : 'hollow'}>{warnings}</EuiBadge>
        </EuiFlexItem>
        {validating && (
          <EuiFlexItem grow={false}>
            <EuiText size="xs" color="subdued">
              {intl.formatMessage(editorMessages.validating)}
            </EuiText>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      <div style={{ maxHeight: 160, overflowY: 'auto', marginTop: 4 }}>
        {sorted.length === 0 ? (
          <EuiText size="xs" color="subdued" data-test-subj="workflowNoProblems">
            {intl.formatMessage(editorMessages.noProblems)}
          </EuiText>
        ) : (
          sorted.map((p, i) => (
            <EuiFlexGroup key={`${p.line}:${p.column}:${i}`} gutterSize="s" alignItems="center" responsive={false}>
              <EuiFlexItem grow={false}>
                <EuiIcon type={ICONS[p.severity].type} color={ICONS[p.severity].color} size="s" />
              </EuiFlexItem>
              <EuiFlexItem>
                <EuiLink onClick={() => onJump(p.line, p.column)} data-test-subj="workflowProblem" data-severity={p.severity}>
                  <EuiText size="xs">
                    <span>
                      {p.message} <span style={{ opacity: 0.6 }}>[{p.source}] Ln {p.line}, Col {p.column}</span>
                    </span>
                  </EuiText>
                </EuiLink>
              </EuiFlexItem>
            </EuiFlexGroup>
          ))
        )}
      </div>
    </EuiPanel>
  );
}
