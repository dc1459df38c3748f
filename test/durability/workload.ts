import { DurabilityModel, type Source, mergeDoc } from './model';
import type { Random } from './random';

/** One logical write of the workload against documents owned by a single worker. */
export type WriteOp =
  | { kind: 'index'; index: string; id: string; source: Source }
  | { kind: 'update'; index: string; id: string; doc: Source }
  | { kind: 'delete'; index: string; id: string }
  | { kind: 'bulk'; items: WriteOp[] };

export interface DocRef {
  index: string;
  id: string;
}

export const INDICES = ['crash-a', 'crash-b'];
const TAGS = ['alpha', 'beta', 'gamma'];

/** The documents worker `w` owns; workers never share documents, so each one's history is sequential. */
export function ownedDocs(worker: number, perIndex = 5): DocRef[] {
  return INDICES.flatMap((index) => Array.from({ length: perIndex }, (_, i) => ({ index, id: `w${worker}-${i}` })));
}

function newSource(rng: Random, worker: number, counter: number): Source {
  // Extra fields with varying names make mapping updates part of what must survive a crash.
  return { worker, n: counter, tag: rng.pick(TAGS), [`extra_${rng.int(25)}`]: rng.int(1000), nested: { level: rng.int(5) } };
}

function singleOp(rng: Random, model: DurabilityModel, doc: DocRef, worker: number, counter: number): WriteOp {
  const exists = model.current(DurabilityModel.key(doc.index, doc.id))?.exists === true;
  const roll = rng.next();
  if (exists && roll < 0.35) return { kind: 'update', ...doc, doc: { n: counter, [`extra_${rng.int(25)}`]: rng.int(1000) } };
  if (exists && roll < 0.5) return { kind: 'delete', ...doc };
  return { kind: 'index', ...doc, source: newSource(rng, worker, counter) };
}

/** The next write of a worker, valid against the model's current state of its documents. */
export function nextOp(rng: Random, model: DurabilityModel, docs: readonly DocRef[], worker: number, counter: number): WriteOp {
  if (rng.next() < 0.3) {
    const picked = rng.sample(docs, rng.between(2, 5));
    return { kind: 'bulk', items: picked.map((doc, i) => singleOp(rng, model, doc, worker, counter * 10 + i)) };
  }
  return singleOp(rng, model, rng.pick(docs), worker, counter);
}

/** What the document looks like if the op is applied (for unacknowledged writes). */
export function predictedOutcome(model: DurabilityModel, op: Exclude<WriteOp, { kind: 'bulk' }>): { exists: boolean; source?: Source } {
  if (op.kind === 'delete') return { exists: false };
  if (op.kind === 'index') return { exists: true, source: op.source };
  const current = model.current(DurabilityModel.key(op.index, op.id))?.source ?? {};
  return { exists: true, source: mergeDoc(current, op.doc) };
}

export function bulkBody(items: readonly WriteOp[]): string {
  const lines: string[] = [];
  for (const item of items) {
    if (item.kind === 'bulk') throw new Error('nested bulk');
    const meta = { _index: item.index, _id: item.id };
    if (item.kind === 'index') lines.push(JSON.stringify({ index: meta }), JSON.stringify(item.source));
    else if (item.kind === 'update') lines.push(JSON.stringify({ update: meta }), JSON.stringify({ doc: item.doc }));
    else lines.push(JSON.stringify({ delete: meta }));
  }
  return `${lines.join('\n')}\n`;
}
