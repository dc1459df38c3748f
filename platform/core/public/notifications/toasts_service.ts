/** Browser `core.notifications.toasts`: queued messages rendered by the chrome's toast list. */
import { BehaviorSubject, type Observable } from 'rxjs';

export interface ToastInput {
  title: string;
  text?: string;
  color?: 'primary' | 'success' | 'warning' | 'danger';
  iconType?: string;
  toastLifeTimeMs?: number;
  'data-test-subj'?: string;
}

export interface Toast extends ToastInput {
  id: string;
}

export interface ToastsApi {
  add(toast: ToastInput | string): Toast;
  addSuccess(toast: Omit<ToastInput, 'color'> | string): Toast;
  addWarning(toast: Omit<ToastInput, 'color'> | string): Toast;
  addDanger(toast: Omit<ToastInput, 'color'> | string): Toast;
  /** Shows the error's message (a server's `message` when it is an HttpFetchError). */
  addError(error: Error, options: { title: string; toastMessage?: string }): Toast;
  remove(toastOrId: Toast | string): void;
  get$(): Observable<Toast[]>;
}

export interface NotificationsStart {
  toasts: ToastsApi;
}

export function createToastsService(): ToastsApi {
  const toasts$ = new BehaviorSubject<Toast[]>([]);
  let next = 0;
  const add = (input: ToastInput | string, color?: ToastInput['color']): Toast => {
    const base = typeof input === 'string' ? { title: input } : input;
    const toast: Toast = { ...base, ...(color ? { color } : {}), id: String(next++) };
    toasts$.next([...toasts$.getValue(), toast]);
    return toast;
  };
  return {
    add: (t) => add(t),
    addSuccess: (t) => add(t, 'success'),
    addWarning: (t) => add(t, 'warning'),
    addDanger: (t) => add(t, 'danger'),
    addError: (error, options) => add({ title: options.title, text: options.toastMessage ?? error.message, iconType: 'error' }, 'danger'),
    remove: (t) => {
      const id = typeof t === 'string' ? t : t.id;
      toasts$.next(toasts$.getValue().filter((x) => x.id !== id));
    },
    get$: () => toasts$.asObservable(),
  };
}
