/**
 * The execution detail's step tree (§7), built from the flat step records of an execution. Loops, retries and
 * fallbacks push scope frames (§5.1), so a record's `scopeStack` says which iteration or attempt it belongs to;
 * `if` pushes none, so branch children are nested under their `if` using the workflow definition.
 */
import type { WorkflowDefinition, WorkflowStep } from '../../../../packages/workflows/definition';
import type { ExecutionStatus, StepExecution } from '../../../workflows_execution_engine/server/contract';

type Frame = StepExecution['scopeStack'][number];

export type ExecutionTreeNodeKind = 'step' | 'iteration' | 'attempt' | 'fallback';

export interface ExecutionTreeNode {
  /** Stable across polls: the record id for steps, the scope path for scopes. */
  id: string;
  kind: ExecutionTreeNodeKind;
  /** Step id for steps; for scopes the 0-based iteration index or 1-based attempt number. */
  stepId: string;
  stepType?: string;
  index?: number;
  status: ExecutionStatus;
  durationMs?: number;
  /** For a step: its record (the latest attempt for retried steps); for an attempt: that attempt's record. */
  stepExecution?: StepExecution;
  /** For a step inside an `if`: which branch ran it. */
  branch?: 'then' | 'else';
  children: ExecutionTreeNode[];
}

interface StructuralParent {
  parent: string;
  branch?: 'then' | 'else';
}

/** Step name → its enclosing step (and `if` branch) in the YAML. */
export function structuralParents(definition: Pick<WorkflowDefinition, 'steps'> | null | undefined): Map<string, StructuralParent> {
  const parents = new Map<string, StructuralParent>();
  const walk = (steps: unknown, parent: string | undefined, branch?: 'then' | 'else') => {
    if (!Array.isArray(steps)) return;
    for (const step of steps as WorkflowStep[]) {
      if (!step || typeof step.name !== 'string') continue;
      if (parent) parents.set(step.name, { parent, branch });
      const isIf = step.type === 'if';
      walk(step.steps, step.name, isIf ? 'then' : undefined);
      if (isIf) walk(step.else, step.name, 'else');
      walk(step['on-failure']?.fallback, step.name);
    }
  };
  walk(definition?.steps, undefined);
  return parents;
}

const frameKey = (frames: readonly Frame[]) => frames.map((f) => `${f.stepId}:${f.kind}:${f.scopeId}`).join('/');

const durationOf = (record: StepExecution): number | undefined => {
  if (record.executionTimeMs !== undefined) return record.executionTimeMs;
  if (!record.finishedAt) return undefined;
  const ms = Date.parse(record.finishedAt) - Date.parse(record.startedAt);
  return Number.isFinite(ms) ? ms : undefined;
};

/** A scope's status from everything inside it: any active record wins, then any failure, else success. */
function aggregateStatus(children: ExecutionTreeNode[]): ExecutionStatus {
  const statuses: ExecutionStatus[] = [];
  const collect = (list: ExecutionTreeNode[]) => {
    for (const c of list) {
      statuses.push(c.status);
      collect(c.children);
    }
  };
  collect(children);
  for (const s of ['running', 'waiting', 'pending', 'queued', 'timed_out', 'cancelled', 'failed'] as const) if (statuses.includes(s)) return s;
  if (statuses.length > 0 && statuses.every((s) => s === 'skipped')) return 'skipped';
  return 'completed';
}

interface Container {
  nodes: ExecutionTreeNode[];
  steps: Map<string, ExecutionTreeNode>;
  /** The attempt node when this container is a retry attempt (records of the retried step live on it). */
  attemptOf?: { stepId: string; node: ExecutionTreeNode };
}

function parseScopeIndex(frame: Frame): number {
  const n = Number.parseInt(frame.scopeId, 10);
  return Number.isFinite(n) ? n : 0;
}

export function buildExecutionTree(stepExecutions: readonly StepExecution[], definition?: Pick<WorkflowDefinition, 'steps'> | null): ExecutionTreeNode[] {
  const parents = structuralParents(definition);
  const containers = new Map<string, Container>();
  const root: Container = { nodes: [], steps: new Map() };
  containers.set('', root);
  const scopeNodes: ExecutionTreeNode[] = [];

  /** Adds a step node to its scope, nested under the nearest enclosing step that ran there (the taken `if` branch). */
  const attach = (container: Container, node: ExecutionTreeNode) => {
    container.steps.set(node.stepId, node);
    const own = parents.get(node.stepId);
    let structural = own;
    while (structural) {
      const ancestor = container.steps.get(structural.parent);
      if (ancestor) {
        if (structural === own) node.branch = own.branch;
        ancestor.children.push(node);
        return;
      }
      structural = parents.get(structural.parent);
    }
    container.nodes.push(node);
  };

  /** The step node a frame hangs under, in its parent container (created as a placeholder if not recorded yet). */
  const ownerNode = (container: Container, stepId: string): ExecutionTreeNode => {
    if (container.attemptOf?.stepId === stepId) return container.attemptOf.node;
    let node = container.steps.get(stepId);
    if (!node) {
      node = { id: `placeholder:${stepId}`, kind: 'step', stepId, status: 'pending', children: [] };
      attach(container, node);
    }
    return node;
  };

  const containerFor = (frames: readonly Frame[]): Container => {
    const key = frameKey(frames);
    const existing = containers.get(key);
    if (existing) return existing;
    const last = frames[frames.length - 1];
    const parentFrames = frames.slice(0, -1);
    const parent = containerFor(parentFrames);
    const owner = ownerNode(parent, last.stepId);
    const index = parseScopeIndex(last);
    const kind: ExecutionTreeNodeKind = last.kind === 'foreach' ? 'iteration' : last.kind === 'retry' ? 'attempt' : 'fallback';
    const scope: ExecutionTreeNode = { id: `scope:${key}`, kind, stepId: last.stepId, index, status: 'pending', children: [] };
    owner.children.push(scope);
    scopeNodes.push(scope);
    const container: Container = { nodes: scope.children, steps: new Map(), attemptOf: kind === 'attempt' ? { stepId: last.stepId, node: scope } : undefined };
    containers.set(key, container);
    return container;
  };

  const ordered = [...stepExecutions].sort((a, b) => a.globalExecutionIndex - b.globalExecutionIndex);
  for (const record of ordered) {
    const frames = record.scopeStack ?? [];
    const last = frames[frames.length - 1];
    if (last && last.kind === 'retry' && last.stepId === record.stepId) {
      // One attempt of a retried step: the attempt node holds the record, the step node shows the latest attempt.
      const attemptContainer = containerFor(frames);
      const attempt = attemptContainer.attemptOf?.node;
      const parentContainer = containerFor(frames.slice(0, -1));
      const step = ownerNode(parentContainer, record.stepId);
      if (attempt) {
        attempt.stepExecution = record;
        attempt.status = record.status;
        attempt.durationMs = durationOf(record);
      }
      step.id = `step:${frameKey(frames.slice(0, -1))}:${record.stepId}`;
      step.stepExecution = record;
      step.stepType = record.stepType;
      step.status = record.status;
      step.durationMs = durationOf(record);
      continue;
    }
    const container = containerFor(frames);
    let node = container.steps.get(record.stepId);
    if (node) {
      // A placeholder created by a child scope that arrived first (or a re-run of the same record id).
      Object.assign(node, { id: record.id, stepExecution: record, stepType: record.stepType, status: record.status, durationMs: durationOf(record) });
      continue;
    }
    node = { id: record.id, kind: 'step', stepId: record.stepId, stepType: record.stepType, status: record.status, durationMs: durationOf(record), stepExecution: record, children: [] };
    attach(container, node);
  }

  // Innermost scopes were created last; settle them first so outer scopes see their children's final status.
  for (const scope of [...scopeNodes].reverse()) {
    if (scope.kind === 'attempt' && scope.stepExecution) continue;
    scope.status = aggregateStatus(scope.children);
  }
  return root.nodes;
}

/** Depth-first walk, parents before children. */
export function flattenTree(nodes: readonly ExecutionTreeNode[]): ExecutionTreeNode[] {
  const out: ExecutionTreeNode[] = [];
  const visit = (list: readonly ExecutionTreeNode[]) => {
    for (const n of list) {
      out.push(n);
      visit(n.children);
    }
  };
  visit(nodes);
  return out;
}

/** The record to show by default: the latest active one ("following the running step"), else the latest started. */
export function defaultSelectedStepExecution(stepExecutions: readonly StepExecution[]): StepExecution | undefined {
  const ordered = [...stepExecutions].sort((a, b) => b.globalExecutionIndex - a.globalExecutionIndex);
  return ordered.find((s) => s.status === 'running' || s.status === 'waiting') ?? ordered.find((s) => s.status === 'failed') ?? ordered[0];
}
