/** Observable lists of extensions, so UI already on screen picks up later registrations. */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { AlertFlyoutHeaderActionExtension, AlertFlyoutTabExtension, AlertsBulkActionExtension, HeaderActionExtension, SecuritySolutionExtensionPoints } from '../types';

interface Ordered {
  id: string;
  order?: number;
}

export interface ExtensionList<T extends Ordered> {
  register(item: T): () => void;
  get$(): Observable<T[]>;
  get(): T[];
}

function createList<T extends Ordered>(kind: string): ExtensionList<T> {
  const items$ = new BehaviorSubject<T[]>([]);
  return {
    register(item) {
      if (items$.getValue().some((i) => i.id === item.id)) throw new Error(`A ${kind} with id "${item.id}" is already registered`);
      items$.next([...items$.getValue(), item].sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || a.id.localeCompare(b.id)));
      return () => items$.next(items$.getValue().filter((i) => i !== item));
    },
    get$: () => items$.asObservable(),
    get: () => items$.getValue(),
  };
}

export interface ExtensionRegistry {
  headerActions: ExtensionList<HeaderActionExtension>;
  flyoutHeaderActions: ExtensionList<AlertFlyoutHeaderActionExtension>;
  flyoutTabs: ExtensionList<AlertFlyoutTabExtension>;
  bulkActions: ExtensionList<AlertsBulkActionExtension>;
  extensionPoints(): SecuritySolutionExtensionPoints;
}

export function createExtensionRegistry(): ExtensionRegistry {
  const headerActions = createList<HeaderActionExtension>('header action');
  const flyoutHeaderActions = createList<AlertFlyoutHeaderActionExtension>('alert flyout header action');
  const flyoutTabs = createList<AlertFlyoutTabExtension>('alert flyout tab');
  const bulkActions = createList<AlertsBulkActionExtension>('alerts bulk action');
  return {
    headerActions,
    flyoutHeaderActions,
    flyoutTabs,
    bulkActions,
    extensionPoints: () => ({
      registerHeaderAction: headerActions.register,
      registerAlertFlyoutHeaderAction: flyoutHeaderActions.register,
      registerAlertFlyoutTab: flyoutTabs.register,
      registerAlertsBulkAction: bulkActions.register,
    }),
  };
}
