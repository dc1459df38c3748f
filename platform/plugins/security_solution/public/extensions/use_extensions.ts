import { useEffect, useState } from 'react';
import type { ExtensionList } from './extension_registry';

export function useExtensions<T extends { id: string }>(list: ExtensionList<T>): T[] {
  const [items, setItems] = useState<T[]>(list.get());
  useEffect(() => {
    const sub = list.get$().subscribe(setItems);
    return () => sub.unsubscribe();
  }, [list]);
  return items;
}
