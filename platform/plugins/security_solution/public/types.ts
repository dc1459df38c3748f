import type { ComponentType } from 'react';
import type { AlertsApi } from './api/alerts_api';

/** One alert as the flyout and its extensions see it. */
export interface AlertDetails {
  id: string;
  index: string;
  source: Record<string, unknown>;
}

/** Rendered in the Security app's page header (the header action slot, e.g. "AI Assistant"). */
export interface HeaderActionExtension {
  id: string;
  order?: number;
  Component: ComponentType;
}

/** Rendered in the alert details flyout header, next to the status actions (e.g. "Chat"). */
export interface AlertFlyoutHeaderActionExtension {
  id: string;
  order?: number;
  /**
   * `onAlertChanged` tells the flyout the action changed the alert (tags, status, notes) on its own, e.g. when a run
   * it started finishes: the flyout reloads the alert and the alerts table refreshes.
   */
  Component: ComponentType<{ alert: AlertDetails; closeFlyout(): void; onAlertChanged(): void }>;
}

/** An extra tab in the alert details flyout. */
export interface AlertFlyoutTabExtension {
  id: string;
  name: string;
  order?: number;
  Component: ComponentType<{ alert: AlertDetails }>;
}

/** One selected row of the alerts table, as a bulk action receives it. */
export interface SelectedAlert {
  id: string;
  index: string;
  source: Record<string, unknown>;
}

/** A button in the alerts table's selection toolbar, acting on the selected alerts (e.g. "Run triage"). */
export interface AlertsBulkActionExtension {
  id: string;
  label: string;
  order?: number;
  iconType?: string;
  /** Most alerts the action accepts at once; the button is disabled above it. */
  maxAlerts?: number;
  /** `clearSelection` empties the table selection (e.g. after the action started). */
  onClick(alerts: SelectedAlert[], helpers: { clearSelection(): void; refresh(): void }): void | Promise<void>;
}

export interface SecuritySolutionExtensionPoints {
  registerHeaderAction(extension: HeaderActionExtension): () => void;
  registerAlertFlyoutHeaderAction(extension: AlertFlyoutHeaderActionExtension): () => void;
  registerAlertFlyoutTab(extension: AlertFlyoutTabExtension): () => void;
  registerAlertsBulkAction(extension: AlertsBulkActionExtension): () => void;
}

export type SecuritySolutionPluginSetup = SecuritySolutionExtensionPoints;

export interface SecuritySolutionPluginStart extends SecuritySolutionExtensionPoints {
  alertsApi: AlertsApi;
  /** URL of the Alerts page (optionally with one alert's flyout open). */
  getAlertsUrl(alertId?: string): string;
}
