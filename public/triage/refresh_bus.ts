/** Tells the Triage tab of an alert to reload after a run finished (the header action and the tab are siblings). */
import { Subject } from 'rxjs';

export const triageRefresh$ = new Subject<string>();
