/** The registered settings apps, ordered by `order` then title; ids are unique. */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { ManagementApp } from './types';

export interface ManagementRegistry {
  register(app: ManagementApp): void;
  get(id: string): ManagementApp | undefined;
  list(): ManagementApp[];
  list$(): Observable<ManagementApp[]>;
}

export function createManagementRegistry(): ManagementRegistry {
  const apps$ = new BehaviorSubject<ManagementApp[]>([]);
  return {
    register(app) {
      if (!/^[a-zA-Z][a-zA-Z0-9_-]*$/.test(app.id)) throw new Error(`Invalid management app id "${app.id}"`);
      if (apps$.getValue().some((a) => a.id === app.id)) throw new Error(`Management app "${app.id}" is already registered`);
      apps$.next([...apps$.getValue(), app].sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || a.title.localeCompare(b.title)));
    },
    get: (id) => apps$.getValue().find((a) => a.id === id),
    list: () => apps$.getValue(),
    list$: () => apps$.asObservable(),
  };
}
