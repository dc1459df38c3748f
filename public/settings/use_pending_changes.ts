/** Pending changes of a tab (§2): creates, per-id updates and deletes, saved together by one `_bulk_action`. */
import { useCallback, useMemo, useState } from 'react';

export interface PendingChanges<C, U> {
  creates: C[];
  updates: Record<string, U>;
  deletes: string[];
  count: number;
  addCreate(item: C): void;
  setUpdate(id: string, patch: U): void;
  toggleDelete(ids: string[]): void;
  reset(): void;
}

export function usePendingChanges<C, U extends object>(): PendingChanges<C, U> {
  const [creates, setCreates] = useState<C[]>([]);
  const [updates, setUpdates] = useState<Record<string, U>>({});
  const [deletes, setDeletes] = useState<string[]>([]);
  const addCreate = useCallback((item: C) => setCreates((c) => [...c, item]), []);
  const setUpdate = useCallback((id: string, patch: U) => setUpdates((u) => ({ ...u, [id]: { ...(u[id] ?? {}), ...patch } as U })), []);
  const toggleDelete = useCallback(
    (ids: string[]) => setDeletes((d) => (ids.every((id) => d.includes(id)) ? d.filter((x) => !ids.includes(x)) : [...new Set([...d, ...ids])])),
    [],
  );
  const reset = useCallback(() => {
    setCreates([]);
    setUpdates({});
    setDeletes([]);
  }, []);
  const count = creates.length + Object.keys(updates).filter((id) => !deletes.includes(id)).length + deletes.length;
  return useMemo(() => ({ creates, updates, deletes, count, addCreate, setUpdate, toggleDelete, reset }), [creates, updates, deletes, count, addCreate, setUpdate, toggleDelete, reset]);
}
