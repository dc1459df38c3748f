export { createChromeService } from './chrome_service';
export type { ChromeBreadcrumb, ChromeNavControl, ChromeNavControls, ChromeStart, InternalChromeStart } from './chrome_service';
