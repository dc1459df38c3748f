/**
 * Browser `core.chrome` state: header nav controls (the header action slot, where e.g. "AI Assistant"
 * goes), breadcrumbs, document title and the current app's header action menu. The chrome UI in
 * platform/chrome renders it; plugins only talk to this contract.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { MountPoint } from '../application';

export interface ChromeNavControl {
  /** Lower first. */
  order?: number;
  mount: MountPoint;
}

export interface ChromeBreadcrumb {
  text: string;
  href?: string;
  onClick?: (event: { preventDefault(): void }) => void;
  'data-test-subj'?: string;
}

export interface ChromeNavControls {
  registerLeft(control: ChromeNavControl): () => void;
  registerCenter(control: ChromeNavControl): () => void;
  /** The header action slot on the right of the top bar. */
  registerRight(control: ChromeNavControl): () => void;
  getLeft$(): Observable<ChromeNavControl[]>;
  getCenter$(): Observable<ChromeNavControl[]>;
  getRight$(): Observable<ChromeNavControl[]>;
}

export interface ChromeStart {
  navControls: ChromeNavControls;
  setBreadcrumbs(breadcrumbs: ChromeBreadcrumb[]): void;
  getBreadcrumbs$(): Observable<ChromeBreadcrumb[]>;
  docTitle: { change(title: string | string[]): void; reset(): void };
  setIsVisible(visible: boolean): void;
  getIsVisible$(): Observable<boolean>;
}

export interface InternalChromeStart extends ChromeStart {
  /** Set by the app container for the mounted app (AppMountParameters.setHeaderActionMenu). */
  setHeaderActionMenu(mount: MountPoint | undefined): void;
  getHeaderActionMenu$(): Observable<MountPoint | undefined>;
}

const BASE_TITLE = 'Elastic';

function controlList() {
  const subject = new BehaviorSubject<ChromeNavControl[]>([]);
  return {
    register(control: ChromeNavControl) {
      const sorted = [...subject.getValue(), control].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));
      subject.next(sorted);
      return () => subject.next(subject.getValue().filter((c) => c !== control));
    },
    get$: () => subject.asObservable(),
  };
}

export function createChromeService(doc: Document): InternalChromeStart {
  const left = controlList();
  const center = controlList();
  const right = controlList();
  const breadcrumbs$ = new BehaviorSubject<ChromeBreadcrumb[]>([]);
  const visible$ = new BehaviorSubject(true);
  const actionMenu$ = new BehaviorSubject<MountPoint | undefined>(undefined);
  return {
    navControls: {
      registerLeft: left.register,
      registerCenter: center.register,
      registerRight: right.register,
      getLeft$: left.get$,
      getCenter$: center.get$,
      getRight$: right.get$,
    },
    setBreadcrumbs: (b) => breadcrumbs$.next(b),
    getBreadcrumbs$: () => breadcrumbs$.asObservable(),
    docTitle: {
      change(title) {
        const parts = Array.isArray(title) ? title : [title];
        doc.title = [...parts, BASE_TITLE].join(' - ');
      },
      reset() {
        doc.title = BASE_TITLE;
      },
    },
    setIsVisible: (v) => visible$.next(v),
    getIsVisible$: () => visible$.asObservable(),
    setHeaderActionMenu: (mount) => actionMenu$.next(mount),
    getHeaderActionMenu$: () => actionMenu$.asObservable(),
  };
}
