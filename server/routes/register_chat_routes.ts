import type { RouteDependencies } from '../route_dependencies';
import { registerChatCompleteRoute } from './chat_complete_route';

/** `POST /api/security_ai_assistant/chat/complete`. */
export function registerChatRoutes(deps: RouteDependencies): void {
  registerChatCompleteRoute(deps);
}
