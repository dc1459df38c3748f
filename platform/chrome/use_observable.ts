import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/** Current value of an observable (BehaviorSubject-backed ones emit synchronously on subscribe). */
export function useObservable<T>(observable$: Observable<T>, initial: T): T {
  const [value, setValue] = useState<T>(() => {
    let first = initial;
    observable$.subscribe((v) => (first = v)).unsubscribe();
    return first;
  });
  useEffect(() => {
    const sub = observable$.subscribe(setValue);
    return () => sub.unsubscribe();
  }, [observable$]);
  return value;
}
