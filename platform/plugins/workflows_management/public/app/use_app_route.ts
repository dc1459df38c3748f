/** The current in-app route, following the scoped history, plus navigation helpers. */
import { useCallback, useEffect, useState } from 'react';
import { parseAppRoute, type AppRoute } from './app_paths';
import { useWorkflowsServices } from './services';

export function useAppRoute(): { route: AppRoute; navigate(path: string, options?: { replace?: boolean }): void; href(path: string): string } {
  const { history } = useWorkflowsServices();
  const [location, setLocation] = useState(history.location);
  useEffect(() => history.listen(setLocation), [history]);
  const navigate = useCallback((path: string, options?: { replace?: boolean }) => (options?.replace ? history.replace(path) : history.push(path)), [history]);
  const href = useCallback((path: string) => history.createHref(path), [history]);
  return { route: parseAppRoute(location.pathname, location.search), navigate, href };
}
