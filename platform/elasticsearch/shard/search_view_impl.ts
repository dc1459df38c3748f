import type { FieldIndex, IndexSettingsView, LeafFieldMapping, SearchView, TermsFieldIndex } from '../search_view';
import type { FieldCatalog } from '../mapping';
import { bitGet } from './growable';

/** Document columns as of a refresh. The arrays may be longer than `maxDoc`; only the prefix is read. */
export interface DocColumns {
  readonly ids: readonly string[];
  readonly sources: readonly string[];
  readonly seqNos: Float64Array;
  readonly versions: Float64Array;
  readonly primaryTerms: Int32Array;
  readonly routings: ReadonlyMap<number, string>;
  /** id → latest physical doc (may be newer than the view), and each doc's previous version's doc. */
  readonly latest: ReadonlyMap<string, number>;
  readonly prevDoc: { get(doc: number): number };
}

export interface ViewInit {
  readonly index: string;
  readonly uuid: string;
  readonly settings: () => IndexSettingsView;
  readonly maxDoc: number;
  readonly numDocs: number;
  readonly live: Uint32Array;
  readonly columns: DocColumns;
  readonly catalog: FieldCatalog;
  readonly fields: ReadonlyMap<string, FieldIndex>;
  /** Builds the index of a mapped field that has no values yet, or of a flattened keyed path. */
  readonly fallback: (path: string) => FieldIndex | undefined;
}

const EMPTY: readonly string[] = Object.freeze([]);

/** The immutable searchable view of one shard, published by `refresh()`. */
export class ShardSearchView implements SearchView {
  readonly index: string;
  readonly uuid: string;
  readonly maxDoc: number;
  readonly numDocs: number;
  private readonly live: Uint32Array;
  private readonly columns: DocColumns;
  private readonly catalog: FieldCatalog;
  private readonly fields: ReadonlyMap<string, FieldIndex>;
  private readonly extra = new Map<string, FieldIndex | undefined>();
  private readonly init: ViewInit;
  private idIndex: TermsFieldIndex | undefined;

  constructor(init: ViewInit) {
    this.init = init;
    this.index = init.index;
    this.uuid = init.uuid;
    this.maxDoc = init.maxDoc;
    this.numDocs = init.numDocs;
    this.live = init.live;
    this.columns = init.columns;
    this.catalog = init.catalog;
    this.fields = init.fields;
  }

  get settings(): IndexSettingsView {
    return this.init.settings();
  }

  isLive(doc: number): boolean {
    return doc >= 0 && doc < this.maxDoc && bitGet(this.live, doc);
  }

  field(path: string): FieldIndex | undefined {
    const target = this.catalog.aliases.get(path) ?? path;
    const direct = this.fields.get(target);
    if (direct !== undefined) return direct;
    if (target === '_id') return this.idField();
    if (this.extra.has(target)) return this.extra.get(target);
    const built = this.init.fallback(target);
    this.extra.set(target, built);
    return built;
  }

  mapping(path: string): LeafFieldMapping | undefined {
    const target = this.catalog.aliases.get(path) ?? path;
    return this.catalog.leaves.get(target);
  }

  fieldPaths(): readonly string[] {
    return this.catalog.fieldPaths;
  }

  objectPaths(): readonly string[] {
    return this.catalog.objectPaths;
  }

  id(doc: number): string {
    return this.columns.ids[doc];
  }

  seqNo(doc: number): number {
    return this.columns.seqNos[doc];
  }

  version(doc: number): number {
    return this.columns.versions[doc];
  }

  primaryTerm(doc: number): number {
    return this.columns.primaryTerms[doc];
  }

  routing(doc: number): string | undefined {
    return this.columns.routings.get(doc);
  }

  rawSource(doc: number): string {
    return this.columns.sources[doc];
  }

  source(doc: number): Record<string, unknown> {
    return JSON.parse(this.columns.sources[doc]) as Record<string, unknown>;
  }

  /** The doc holding `id` in this view (live or not), following version links back from the newest. */
  docOf(id: string): number | undefined {
    let d = this.columns.latest.get(id);
    while (d !== undefined && d >= this.maxDoc) {
      const prev = this.columns.prevDoc.get(d);
      d = prev < 0 ? undefined : prev;
    }
    return d;
  }

  private idField(): TermsFieldIndex {
    if (this.idIndex !== undefined) return this.idIndex;
    let sorted: readonly string[] | undefined;
    const mapping: LeafFieldMapping = { path: '_id', type: 'keyword', params: {} };
    this.idIndex = {
      kind: 'terms',
      mapping,
      docCount: this.numDocs,
      sumDocFreq: this.numDocs,
      terms: () => {
        if (sorted === undefined) {
          const out: string[] = [];
          for (let d = 0; d < this.maxDoc; d++) if (this.isLive(d)) out.push(this.columns.ids[d]);
          sorted = out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        }
        return sorted;
      },
      postings: (term: string) => {
        const d = this.docOf(term);
        return d === undefined || !this.isLive(d) ? undefined : Int32Array.of(d);
      },
      values: (doc: number) => (doc < this.maxDoc ? [this.columns.ids[doc]] : EMPTY),
    };
    return this.idIndex;
  }
}

