/** Locale.ROOT (English) month and day names used by MMM/MMMM, EEE/EEEE and a. */
export const MONTHS_FULL = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const MONTHS_SHORT = MONTHS_FULL.map((m) => m.slice(0, 3));
/** Index 0 = Monday (ISO day 1). */
export const DAYS_FULL = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const DAYS_SHORT = DAYS_FULL.map((d) => d.slice(0, 3));
export const AM_PM = ['AM', 'PM'];
