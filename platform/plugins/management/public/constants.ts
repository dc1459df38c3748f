export const MANAGEMENT_TITLE = 'Stack Management';
