import type { IRouter } from '../../../../core/server';
import { registerDeleteNoteRoute } from './delete_note_route';
import { registerGetNotesRoute } from './get_notes_route';
import { registerPersistNoteRoute } from './persist_note_route';
import { registerSearchAlertsRoute } from './search_alerts_route';
import { registerSetAlertStatusRoute } from './set_alert_status_route';
import { registerSetAlertTagsRoute } from './set_alert_tags_route';

export function registerRoutes(router: IRouter): void {
  registerSetAlertStatusRoute(router);
  registerSetAlertTagsRoute(router);
  registerSearchAlertsRoute(router);
  registerPersistNoteRoute(router);
  registerGetNotesRoute(router);
  registerDeleteNoteRoute(router);
}
