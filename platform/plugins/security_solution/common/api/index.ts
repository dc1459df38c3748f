export * from './notes';
export * from './search_alerts';
export * from './set_alert_status';
export * from './set_alert_tags';
