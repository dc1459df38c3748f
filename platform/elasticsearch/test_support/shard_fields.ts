/** Typed access to one field index of a shard's current view, failing the test if the field has another kind. */
import type { FieldIndex } from '../search_view';
import type { IndexShard } from '../shard';

type FieldOfKind<K extends FieldIndex['kind']> = Extract<FieldIndex, { kind: K }>;

function hasKind<K extends FieldIndex['kind']>(f: FieldIndex | undefined, kind: K): f is FieldOfKind<K> {
  return f?.kind === kind;
}

export function fieldOf<K extends FieldIndex['kind']>(shard: IndexShard, path: string, kind: K): FieldOfKind<K> {
  const f = shard.searchView().field(path);
  if (!hasKind(f, kind)) throw new Error(`${path} is not a ${kind} field (found ${f?.kind ?? 'nothing'})`);
  return f;
}
