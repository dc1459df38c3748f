import type { RouteDependencies } from '../../route_dependencies';
import { registerNarrativeRoute } from './narrative_route';
import { registerRelatedGraphRoute } from './related_graph_route';

/** The alerts app's triage routes: related-alert graph and narrative of one alert. */
export function registerTriageRoutes(deps: Pick<RouteDependencies, 'router' | 'logger' | 'getServices'>): void {
  registerRelatedGraphRoute(deps);
  registerNarrativeRoute(deps);
}
