import type { RouteDependencies } from '../route_dependencies';

/** `POST /api/security_ai_assistant/chat/complete`. */
export function registerChatRoutes(_deps: RouteDependencies): void {}
