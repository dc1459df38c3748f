import { ORD_MULTI, ORD_NONE, type DocIdList, type LeafFieldMapping, type TermOrdinals, type TermsFieldIndex } from '../search_view';
import { IntVector, appendInt, upperBound } from './growable';
import { TermDictionary } from './term_dictionary';

const NONE = ORD_NONE;
const MULTI = ORD_MULTI;
const EMPTY: readonly string[] = Object.freeze([]);

/**
 * keyword-like postings: a term dictionary, append-only sorted postings per term (a term seen in one
 * doc only stores that doc inline, so unique ids cost no array) and per-doc term ids for doc values.
 */
export class TermsFieldWriter {
  readonly dict = new TermDictionary();
  /** Per term: its first doc, and the number of docs. */
  readonly firstDoc = new IntVector(16);
  readonly postLen = new IntVector(16);
  /** Per term with 2+ docs: all its docs. */
  readonly postBuf: (Int32Array | undefined)[] = [];
  /** Per doc: its term id, NONE, or MULTI (ids in `multi`). */
  readonly docTerm = new IntVector(16, NONE);
  readonly multi = new Map<number, Int32Array>();
  docCount = 0;
  sumDocFreq = 0;
  private curDoc = -1;
  /** Term ids of the doc being added (a reused buffer: no per-doc array, no `length = 0` runtime call). */
  private curTerms: Int32Array = new Int32Array(8);
  private curCount = 0;
  private readonly singletons: (readonly string[] | undefined)[] = [];

  constructor(readonly path: string) {}

  add(doc: number, term: string): void {
    let id = this.dict.idOf(term);
    if (id === undefined) {
      id = this.dict.add(term);
      this.firstDoc.push(doc);
      this.postLen.push(1);
      this.postBuf.push(undefined);
    } else {
      const len = this.postLen.data[id];
      const last = len === 1 ? this.firstDoc.data[id] : (this.postBuf[id] as Int32Array)[len - 1];
      if (last === doc) return;
      let buf = this.postBuf[id];
      if (buf === undefined) {
        buf = new Int32Array(4);
        buf[0] = this.firstDoc.data[id];
      }
      this.postBuf[id] = appendInt(buf, len, doc);
      this.postLen.data[id] = len + 1;
    }
    if (this.curDoc !== doc) {
      this.curDoc = doc;
      this.curCount = 0;
    }
    this.curTerms = appendInt(this.curTerms, this.curCount++, id);
  }

  /** Called once per doc that had values, after all `add` calls for it. */
  endDoc(doc: number): void {
    const count = this.curCount;
    if (this.curDoc !== doc || count === 0) return;
    if (count === 1) {
      this.docTerm.set(doc, this.curTerms[0]);
    } else {
      const terms = this.dict.terms;
      const sorted = this.curTerms.slice(0, count).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
      this.docTerm.set(doc, MULTI);
      this.multi.set(doc, sorted);
    }
    this.docCount++;
    this.sumDocFreq += count;
    this.curCount = 0;
    this.curDoc = -1;
  }

  /** Removes a deleted/superseded doc from the statistics (its postings stay until a merge). */
  removeDoc(doc: number): void {
    const t = this.docTerm.get(doc);
    if (t === NONE) return;
    this.docCount--;
    this.sumDocFreq -= t === MULTI ? (this.multi.get(doc) as Int32Array).length : 1;
  }

  termCount(doc: number): number {
    const t = this.docTerm.get(doc);
    return t === NONE ? 0 : t === MULTI ? (this.multi.get(doc) as Int32Array).length : 1;
  }

  values(doc: number): readonly string[] {
    const t = this.docTerm.get(doc);
    if (t === NONE) return EMPTY;
    if (t >= 0) {
      let s = this.singletons[t];
      if (s === undefined) {
        s = Object.freeze([this.dict.terms[t]]);
        this.singletons[t] = s;
      }
      return s;
    }
    const ids = this.multi.get(doc) as Int32Array;
    const out = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = this.dict.terms[ids[i]];
    return out;
  }

  postings(term: string, termLimit: number, maxDoc: number): DocIdList | undefined {
    const id = this.dict.idOf(term);
    if (id === undefined || id >= termLimit) return undefined;
    const len = this.postLen.data[id];
    if (len === 1) {
      const d = this.firstDoc.data[id];
      return d < maxDoc ? Int32Array.of(d) : undefined;
    }
    const buf = this.postBuf[id] as Int32Array;
    const k = upperBound(buf, len, maxDoc - 1);
    return k === 0 ? undefined : buf.subarray(0, k);
  }

  /**
   * A new writer without the dropped docs (`remap[old]` is the new doc id or -1). Terms left with no
   * doc disappear; relative order of docs is kept, so postings stay sorted.
   */
  compact(remap: Int32Array): TermsFieldWriter {
    const out = new TermsFieldWriter(this.path);
    const oldToNew = new Int32Array(this.dict.size).fill(-1);
    for (let id = 0; id < this.dict.size; id++) {
      const len = this.postLen.data[id];
      if (len === 1) {
        const d = remap[this.firstDoc.data[id]];
        if (d < 0) continue;
        oldToNew[id] = out.dict.add(this.dict.terms[id]);
        out.firstDoc.push(d);
        out.postLen.push(1);
        out.postBuf.push(undefined);
        continue;
      }
      const buf = this.postBuf[id] as Int32Array;
      let count = 0;
      for (let i = 0; i < len; i++) if (remap[buf[i]] >= 0) count++;
      if (count === 0) continue;
      oldToNew[id] = out.dict.add(this.dict.terms[id]);
      out.postLen.push(count);
      if (count === 1) {
        for (let i = 0; i < len; i++) if (remap[buf[i]] >= 0) out.firstDoc.push(remap[buf[i]]);
        out.postBuf.push(undefined);
        continue;
      }
      let cap = 4;
      while (cap < count) cap *= 2;
      const next = new Int32Array(cap);
      let k = 0;
      for (let i = 0; i < len; i++) if (remap[buf[i]] >= 0) next[k++] = remap[buf[i]];
      out.firstDoc.push(next[0]);
      out.postBuf.push(next);
    }
    const docTerm = this.docTerm;
    for (let old = 0; old < docTerm.length; old++) {
      const nd = remap[old];
      const t = docTerm.data[old];
      if (nd < 0 || t === NONE) continue;
      if (t >= 0) {
        out.docTerm.set(nd, oldToNew[t]);
      } else {
        const ids = this.multi.get(old) as Int32Array;
        out.docTerm.set(nd, MULTI);
        out.multi.set(nd, ids.map((x) => oldToNew[x]));
      }
    }
    out.docCount = this.docCount;
    out.sumDocFreq = this.sumDocFreq;
    return out;
  }

  view(mapping: LeafFieldMapping, maxDoc: number): TermsFieldIndex {
    return new TermsFieldView(this, mapping, maxDoc, this.dict.size, this.docCount, this.sumDocFreq);
  }
}

class TermsFieldView implements TermsFieldIndex, TermOrdinals {
  readonly kind = 'terms' as const;
  private sortedTerms: readonly string[] | undefined;
  /** The writer's term ids are the ordinals: docs below `maxDoc` only hold ids below `termLimit`. */
  readonly ordinals: TermOrdinals = this;

  constructor(
    private readonly writer: TermsFieldWriter,
    readonly mapping: LeafFieldMapping,
    private readonly maxDoc: number,
    private readonly termLimit: number,
    readonly docCount: number,
    readonly sumDocFreq: number,
  ) {}

  terms(): readonly string[] {
    if (this.sortedTerms === undefined) this.sortedTerms = this.writer.dict.sortedTerms(this.termLimit);
    return this.sortedTerms;
  }

  postings(term: string): DocIdList | undefined {
    return this.writer.postings(term, this.termLimit, this.maxDoc);
  }

  values(doc: number): readonly string[] {
    if (doc >= this.maxDoc) return EMPTY;
    return this.writer.values(doc);
  }

  get count(): number {
    return this.termLimit;
  }

  ord(doc: number): number {
    if (doc >= this.maxDoc) return NONE;
    return this.writer.docTerm.get(doc);
  }

  term(ord: number): string {
    return this.writer.dict.terms[ord];
  }
}

/** An index with no values yet (a mapped field no document has filled). */
export function emptyTermsIndex(mapping: LeafFieldMapping): TermsFieldIndex {
  return {
    kind: 'terms',
    mapping,
    docCount: 0,
    sumDocFreq: 0,
    terms: () => EMPTY,
    postings: () => undefined,
    values: () => EMPTY,
  };
}

/** constant_keyword: every doc of the index holds the mapping's `value`. */
export function constantKeywordIndex(mapping: LeafFieldMapping, maxDoc: number, numDocs: number): TermsFieldIndex {
  const value = typeof mapping.params.value === 'string' ? mapping.params.value : undefined;
  const single = value === undefined ? EMPTY : Object.freeze([value]);
  let all: Int32Array | undefined;
  return {
    kind: 'terms',
    mapping,
    docCount: value === undefined ? 0 : numDocs,
    sumDocFreq: value === undefined ? 0 : numDocs,
    terms: () => single,
    postings: (term: string) => {
      if (value === undefined || term !== value || maxDoc === 0) return undefined;
      if (all === undefined) {
        all = new Int32Array(maxDoc);
        for (let i = 0; i < maxDoc; i++) all[i] = i;
      }
      return all;
    },
    values: (doc: number) => (doc < maxDoc ? single : EMPTY),
  };
}

