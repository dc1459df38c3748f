import type { Analyzer } from '../analysis';
import type { LeafFieldMapping, TextFieldIndex, TextPostings } from '../search_view';
import { IntVector, appendInt, lowerBound, upperBound } from './growable';
import { LENGTH_TABLE, intToByte4 } from './norms';
import { TermDictionary } from './term_dictionary';

/** Postings of a term seen in 2+ docs (or more than once in its first doc). */
class TermPostingList {
  docs: Int32Array = new Int32Array(4);
  freqs: Int32Array = new Int32Array(4);
  posStart: Int32Array = new Int32Array(4);
  positions: Int32Array = new Int32Array(8);
  n = 0;
  posLen = 0;

  addPosting(doc: number, position: number): void {
    this.docs = appendInt(this.docs, this.n, doc);
    this.freqs = appendInt(this.freqs, this.n, 1);
    this.posStart = appendInt(this.posStart, this.n, this.posLen);
    this.n++;
    this.positions = appendInt(this.positions, this.posLen++, position);
  }

  addPosition(position: number): void {
    this.freqs[this.n - 1]++;
    this.positions = appendInt(this.positions, this.posLen++, position);
  }
}

const NO_POSITIONS = new Int32Array(0);

function copyPosting(from: TermPostingList, i: number, doc: number, to: TermPostingList): void {
  const start = from.posStart[i];
  to.addPosting(doc, from.positions[start]);
  for (let p = 1; p < from.freqs[i]; p++) to.addPosition(from.positions[start + p]);
}

/**
 * Analyzed text: per-term postings with frequencies and positions, per-doc norms (Lucene SmallFloat)
 * and exact lengths (for statistics of deleted docs). A term seen once in one doc is stored inline.
 */
export class TextFieldWriter {
  readonly dict = new TermDictionary();
  readonly firstDoc = new IntVector(16);
  readonly firstPos = new IntVector(16);
  readonly lists: (TermPostingList | undefined)[] = [];
  readonly norms = new IntVector(16);
  readonly lengths = new IntVector(16);
  docCount = 0;
  sumTotalTermFreq = 0;
  private curDoc = -1;
  private curLength = 0;
  private lastPosition = -1;
  private readonly gap: number;
  private readonly freqsOnly: boolean;
  readonly hasNorms: boolean;

  constructor(
    readonly path: string,
    readonly analyzer: Analyzer,
    readonly params: Readonly<Record<string, unknown>>,
    readonly matchOnly: boolean,
  ) {
    this.gap = typeof params.position_increment_gap === 'number' ? params.position_increment_gap : 100;
    this.freqsOnly = params.index_options === 'docs';
    this.hasNorms = !matchOnly && params.norms !== false;
  }

  /** Analyzes one value of `doc`; array values are separated by `position_increment_gap`. */
  addValue(doc: number, text: string): void {
    let base: number;
    if (this.curDoc !== doc) {
      this.curDoc = doc;
      this.curLength = 0;
      this.lastPosition = -1;
      base = 0;
    } else {
      base = this.lastPosition + this.gap + 1;
    }
    const tokens = this.analyzer.analyze(text);
    for (let i = 0; i < tokens.length; i++) {
      const position = base + tokens[i].position;
      this.addToken(doc, tokens[i].term, position);
      this.lastPosition = position;
    }
    this.curLength += tokens.length;
  }

  private addToken(doc: number, term: string, position: number): void {
    let id = this.dict.idOf(term);
    if (id === undefined) {
      id = this.dict.add(term);
      this.firstDoc.push(doc);
      this.firstPos.push(position);
      this.lists.push(undefined);
      return;
    }
    let list = this.lists[id];
    if (list === undefined) {
      list = new TermPostingList();
      list.addPosting(this.firstDoc.data[id], this.firstPos.data[id]);
      this.lists[id] = list;
    }
    if (list.docs[list.n - 1] === doc) {
      if (!this.freqsOnly) list.addPosition(position);
    } else {
      list.addPosting(doc, position);
    }
  }

  endDoc(doc: number): void {
    if (this.curDoc !== doc) return;
    this.curDoc = -1;
    if (this.curLength === 0) return;
    this.lengths.set(doc, this.curLength);
    this.norms.set(doc, intToByte4(this.curLength));
    this.docCount++;
    this.sumTotalTermFreq += this.curLength;
  }

  removeDoc(doc: number): void {
    const len = this.lengths.get(doc);
    if (len === 0) return;
    this.docCount--;
    this.sumTotalTermFreq -= len;
  }

  /** A new writer without the dropped docs (`remap[old]` is the new doc id or -1). */
  compact(remap: Int32Array): TextFieldWriter {
    const out = new TextFieldWriter(this.path, this.analyzer, this.params, this.matchOnly);
    for (let id = 0; id < this.dict.size; id++) {
      const list = this.lists[id];
      if (list === undefined) {
        const d = remap[this.firstDoc.data[id]];
        if (d < 0) continue;
        out.dict.add(this.dict.terms[id]);
        out.firstDoc.push(d);
        out.firstPos.push(this.firstPos.data[id]);
        out.lists.push(undefined);
        continue;
      }
      let first = -1;
      let copy: TermPostingList | undefined;
      for (let i = 0; i < list.n; i++) {
        const nd = remap[list.docs[i]];
        if (nd < 0) continue;
        if (first < 0) {
          first = i;
          continue;
        }
        if (copy === undefined) {
          copy = new TermPostingList();
          copyPosting(list, first, remap[list.docs[first]], copy);
        }
        copyPosting(list, i, nd, copy);
      }
      if (first < 0) continue;
      out.dict.add(this.dict.terms[id]);
      out.firstDoc.push(remap[list.docs[first]]);
      out.firstPos.push(list.positions[list.posStart[first]]);
      if (copy === undefined && list.freqs[first] > 1) {
        copy = new TermPostingList();
        copyPosting(list, first, remap[list.docs[first]], copy);
      }
      out.lists.push(copy);
    }
    for (let old = 0; old < this.lengths.length; old++) {
      const nd = remap[old];
      const len = this.lengths.data[old];
      if (nd < 0 || len === 0) continue;
      out.lengths.set(nd, len);
      out.norms.set(nd, this.norms.data[old]);
    }
    out.docCount = this.docCount;
    out.sumTotalTermFreq = this.sumTotalTermFreq;
    return out;
  }

  view(mapping: LeafFieldMapping, maxDoc: number): TextFieldIndex {
    return new TextFieldView(this, mapping, maxDoc, this.dict.size, this.docCount, this.sumTotalTermFreq);
  }
}

class TextFieldView implements TextFieldIndex {
  readonly kind = 'text' as const;
  private sortedTerms: readonly string[] | undefined;

  constructor(
    private readonly writer: TextFieldWriter,
    readonly mapping: LeafFieldMapping,
    private readonly maxDoc: number,
    private readonly termLimit: number,
    readonly docCount: number,
    readonly sumTotalTermFreq: number,
  ) {}

  terms(): readonly string[] {
    if (this.sortedTerms === undefined) this.sortedTerms = this.writer.dict.sortedTerms(this.termLimit);
    return this.sortedTerms;
  }

  postings(term: string): TextPostings | undefined {
    const w = this.writer;
    const id = w.dict.idOf(term);
    if (id === undefined || id >= this.termLimit) return undefined;
    const list = w.lists[id];
    if (list === undefined) {
      const d = w.firstDoc.data[id];
      return d < this.maxDoc ? { docs: Int32Array.of(d), freqs: Int32Array.of(1) } : undefined;
    }
    const k = upperBound(list.docs, list.n, this.maxDoc - 1);
    if (k === 0) return undefined;
    return { docs: list.docs.subarray(0, k), freqs: list.freqs.subarray(0, k) };
  }

  positions(term: string, doc: number): Int32Array {
    const w = this.writer;
    const id = w.dict.idOf(term);
    if (id === undefined || id >= this.termLimit || doc >= this.maxDoc) return NO_POSITIONS;
    const list = w.lists[id];
    if (list === undefined) return w.firstDoc.data[id] === doc ? Int32Array.of(w.firstPos.data[id]) : NO_POSITIONS;
    const i = lowerBound(list.docs, list.n, doc);
    if (i >= list.n || list.docs[i] !== doc) return NO_POSITIONS;
    return list.positions.subarray(list.posStart[i], list.posStart[i] + list.freqs[i]);
  }

  fieldLength(doc: number): number {
    if (!this.writer.hasNorms) return 1;
    return LENGTH_TABLE[this.writer.norms.get(doc)];
  }
}

export function emptyTextIndex(mapping: LeafFieldMapping): TextFieldIndex {
  return {
    kind: 'text',
    mapping,
    docCount: 0,
    sumTotalTermFreq: 0,
    terms: () => [],
    postings: () => undefined,
    positions: () => NO_POSITIONS,
    fieldLength: () => 1,
  };
}
