import type { RouteDependencies } from '../route_dependencies';

/** Conversations, prompts, anonymization fields, knowledge base, connectors and capabilities routes. */
export function registerDataRoutes(_deps: RouteDependencies): void {}
