export { captureMountedRoutes, concretePath, versionHeaders, routeLabel, MUTATING_METHODS } from './route_inventory';
export type { RouteEntry } from './route_inventory';
export { USERS, USERS_CONFIG, ALL_PLUGINS } from './platform_users';
export type { MatrixUser } from './platform_users';
