/** The execution's step tree: steps, "Iteration n" / "Attempt n" / "Fallback" scopes, status icons and durations. */
import { EuiBadge, EuiFlexGroup, EuiFlexItem, EuiIcon, EuiText, useEuiTheme } from '@elastic/eui';
import { useIntl } from 'react-intl';
import type { PublicStepDefinition } from '../../../workflows_extensions/common/step_definition';
import { StatusIcon } from '../components/status_badge';
import type { ExecutionTreeNode } from '../lib/execution_tree';
import { formatDuration } from '../lib/format_json';
import { executionMessages } from './translations';

export interface StepTreeProps {
  nodes: readonly ExecutionTreeNode[];
  selectedId: string | undefined;
  onSelect(node: ExecutionTreeNode): void;
  stepDefinitions: ReadonlyMap<string, PublicStepDefinition>;
}

function NodeRow({ node, depth, props }: { node: ExecutionTreeNode; depth: number; props: StepTreeProps }) {
  const intl = useIntl();
  const { euiTheme } = useEuiTheme();
  const selectable = Boolean(node.stepExecution);
  const selected = props.selectedId === node.id;
  const definition = node.stepType ? props.stepDefinitions.get(node.stepType) : undefined;
  const icon = typeof definition?.icon === 'string' ? definition.icon : node.kind === 'step' ? 'dot' : node.kind === 'iteration' ? 'refresh' : node.kind === 'attempt' ? 'return' : 'branch';
  const label =
    node.kind === 'iteration'
      ? intl.formatMessage(executionMessages.iteration, { n: (node.index ?? 0) + 1 })
      : node.kind === 'attempt'
        ? intl.formatMessage(executionMessages.attempt, { n: node.index ?? 1 })
        : node.kind === 'fallback'
          ? intl.formatMessage(executionMessages.fallback)
          : node.stepId;
  return (
    <>
      <div
        role="treeitem"
        aria-selected={selected}
        tabIndex={selectable ? 0 : -1}
        onClick={() => selectable && props.onSelect(node)}
        onKeyDown={(e) => {
          if (selectable && (e.key === 'Enter' || e.key === ' ')) props.onSelect(node);
        }}
        data-test-subj={node.kind === 'step' ? `stepTreeNode-${node.stepId}` : `stepTreeScope-${node.kind}`}
        data-status={node.status}
        style={{
          paddingLeft: 8 + depth * 16,
          paddingTop: 4,
          paddingBottom: 4,
          cursor: selectable ? 'pointer' : 'default',
          opacity: node.status === 'skipped' ? 0.5 : 1,
          background: selected ? euiTheme.colors.backgroundBaseInteractiveSelect : undefined,
          borderRadius: 4,
        }}
      >
        <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
          <EuiFlexItem grow={false}>
            <StatusIcon status={node.status} />
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiIcon type={icon} size="s" color="subdued" />
          </EuiFlexItem>
          <EuiFlexItem style={{ minWidth: 0 }}>
            <EuiText size="s" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              <span style={{ fontWeight: node.kind === 'step' ? 600 : 400 }}>{label}</span>
              {node.kind === 'step' && node.stepType && (
                <EuiText component="span" size="xs" color="subdued">
                  {'  '}
                  {definition?.label ?? node.stepType}
                </EuiText>
              )}
            </EuiText>
          </EuiFlexItem>
          {node.branch && (
            <EuiFlexItem grow={false}>
              <EuiBadge color="hollow">{intl.formatMessage(node.branch === 'else' ? executionMessages.elseBranch : executionMessages.thenBranch)}</EuiBadge>
            </EuiFlexItem>
          )}
          <EuiFlexItem grow={false}>
            <EuiText size="xs" color="subdued">
              {node.durationMs !== undefined ? formatDuration(node.durationMs) : ''}
            </EuiText>
          </EuiFlexItem>
        </EuiFlexGroup>
      </div>
      {node.children.map((child) => (
        <NodeRow key={child.id} node={child} depth={depth + 1} props={props} />
      ))}
    </>
  );
}

export function StepTree(props: StepTreeProps) {
  const intl = useIntl();
  if (props.nodes.length === 0) {
    return (
      <EuiText size="s" color="subdued">
        {intl.formatMessage(executionMessages.noSteps)}
      </EuiText>
    );
  }
  return (
    <div role="tree" data-test-subj="executionStepTree">
      {props.nodes.map((node) => (
        <NodeRow key={node.id} node={node} depth={0} props={props} />
      ))}
    </div>
  );
}
