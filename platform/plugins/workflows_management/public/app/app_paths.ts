/** In-app paths (relative to `/app/workflows`): `/`, `/create`, `/{id}` with `?tab=executions&executionId=`. */
export type EditorTab = 'workflow' | 'executions';

export type AppRoute = { page: 'list' } | { page: 'editor'; workflowId?: string; tab: EditorTab; executionId?: string };

export function parseAppRoute(pathname: string, search: string): AppRoute {
  const params = new URLSearchParams(search);
  const tab: EditorTab = params.get('tab') === 'executions' ? 'executions' : 'workflow';
  const executionId = params.get('executionId') ?? undefined;
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length === 0) return { page: 'list' };
  if (segments[0] === 'create') return { page: 'editor', tab, executionId };
  return { page: 'editor', workflowId: decodeURIComponent(segments[0]), tab, executionId };
}

export function workflowAppPath(workflowId: string | undefined, executionId?: string, tab?: EditorTab): string {
  const base = workflowId ? `/${encodeURIComponent(workflowId)}` : '/create';
  const params = new URLSearchParams();
  const effectiveTab = executionId ? 'executions' : tab;
  if (effectiveTab === 'executions') params.set('tab', 'executions');
  if (executionId) params.set('executionId', executionId);
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}
