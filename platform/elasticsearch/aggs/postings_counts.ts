/**
 * Fast path for big batches on keyword-like fields: count each term's postings inside the batch instead
 * of reading every document's values (O(postings) with no per-doc allocation).
 */
import type { SearchView, TermsFieldIndex } from '../search_view';
import type { DocBatch } from './types';

/** Worth it when the batch covers a good part of the view. */
export function usePostingsCounts(view: SearchView, batch: DocBatch): boolean {
  return batch.docs.length * 8 >= view.maxDoc && view.maxDoc > 0;
}

/** Calls `visit(term, count)` for every term with at least one doc of the batch. */
export function forEachTermCount(view: SearchView, fi: TermsFieldIndex, batch: DocBatch, visit: (term: string, count: number) => void): void {
  const allLive = batch.docs.length === view.numDocs;
  const noDeletes = view.numDocs === view.maxDoc;
  let mark: Uint8Array | undefined;
  if (!allLive) {
    mark = new Uint8Array(view.maxDoc);
    for (let i = 0; i < batch.docs.length; i++) mark[batch.docs[i]] = 1;
  }
  for (const term of fi.terms()) {
    const p = fi.postings(term);
    if (!p || p.length === 0) continue;
    let count: number;
    if (!mark && noDeletes) count = p.length;
    else {
      count = 0;
      if (mark) {
        for (let i = 0; i < p.length; i++) count += mark[p[i]];
      } else {
        for (let i = 0; i < p.length; i++) if (view.isLive(p[i])) count++;
      }
    }
    if (count > 0) visit(term, count);
  }
}
