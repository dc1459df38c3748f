export { SETTINGS_TABS, SettingsPage, isSettingsTab, type SettingsTabId } from './settings_page';
export { SETTINGS_APP_ID, mountSettingsApp } from './mount_settings_app';
