import { getAnalyzer } from '../analysis';
import { EsError, validationFailed } from '../errors';
import {
  buildCatalog,
  createMapping,
  isNumericType,
  parseDocument,
  rootMappingJson,
  updateMapping,
  type FieldCatalog,
  type LeafMapper,
  type ParsedDocument,
  type RootMapping,
} from '../mapping';
import type { FieldIndex, IndexSettingsView, LeafFieldMapping, SearchView } from '../search_view';
import { BitSet, FloatVector, IntVector } from './growable';
import { NumericFieldWriter, emptyNumericIndex } from './numeric_field';
import { ShardSearchView } from './search_view_impl';
import { TermsFieldWriter, constantKeywordIndex, emptyTermsIndex } from './terms_field';
import { TextFieldWriter, emptyTextIndex } from './text_field';
import type { GetResult, IndexSettings, ShardState, UpdateRequest, WriteOptions, WriteOutcome } from './types';
import { parseLossless, stringifyLossless } from './lossless_json';
import { mergeDoc } from './update_merge';

type Writer = TermsFieldWriter | NumericFieldWriter | TextFieldWriter;

interface Slot {
  readonly writer: Writer;
  /** The doc being applied when this slot was last touched (to call endDoc once). */
  stamp: number;
  /** Operation counter of the last change; a view is rebuilt only when it moved. */
  changedAt: number;
  cached: { at: number; maxDoc: number; index: FieldIndex } | undefined;
}

interface Tombstone {
  version: number;
  seqNo: number;
  primaryTerm: number;
}

type CurrentState = { kind: 'live'; doc: number; version: number; seqNo: number; primaryTerm: number } | { kind: 'deleted'; version: number } | { kind: 'missing' };

const PRIMARY_TERM = 1;
const MISSING: CurrentState = Object.freeze({ kind: 'missing' });
/** A refresh merges away deleted/superseded docs once they exceed this share of all docs. */
const MERGE_DELETED_FRACTION = 0.4;
const MERGE_MIN_DELETED = 64;
const IGNORED_FIELD = '_ignored';

function parseSource(source: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (e) {
    const inner = new EsError(400, 'json_parse_exception', e instanceof Error ? e.message : String(e));
    throw new EsError(400, 'document_parsing_exception', '[1:1] failed to parse', {}, inner);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new EsError(400, 'document_parsing_exception', '[1:1] failed to parse: the document must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * One index's single shard: documents with versions/seq_no/tombstones, per-field indexes, and the
 * searchable view published by refresh (spec §4, §12, §14). Synchronous and deterministic; every
 * method either succeeds fully or throws an EsError with no side effect.
 */
export class IndexShard {
  readonly name: string;
  readonly uuid: string;
  settings: IndexSettings;

  private mapping: RootMapping;
  private catalog: FieldCatalog;
  private catalogFor: RootMapping;

  // physical documents, by doc id (append-only)
  private ids: string[] = [];
  private sources: string[] = [];
  private seqNos = new FloatVector(1024);
  private versions = new FloatVector(1024);
  private primaryTerms = new IntVector(1024);
  private prevDoc = new IntVector(1024, -1);
  private routings = new Map<number, string>();
  private live = new BitSet(1024);
  private liveCount = 0;
  private sourceBytes = 0;

  private latest = new Map<string, number>();
  /** The last `latest` lookup (by `current`), reused by the write that follows it; cleared by any change. */
  private lookedUpId: string | undefined;
  private lookedUpDoc = -1;
  private tombstones = new Map<string, Tombstone>();
  private maxSeqNo = -1;

  private slots = new Map<string, Slot>();
  /** Slot by mapper object (mappers are immutable and sit at one path), to skip hashing path strings. */
  private slotsByMapper = new Map<LeafMapper, Slot>();
  private ops = 0;
  /** Ticks on every field-index change; a slot's cached view is reused only while it has not moved. */
  private clock = 0;
  private view: ShardSearchView;
  private viewOps = -1;

  private constructor(name: string, uuid: string, settings: IndexSettings, mapping: RootMapping) {
    this.name = name;
    this.uuid = uuid;
    this.settings = settings;
    this.mapping = mapping;
    this.catalog = buildCatalog(mapping);
    this.catalogFor = mapping;
    this.view = this.buildView();
    this.viewOps = this.ops;
  }

  static create(init: { name: string; uuid: string; settings: IndexSettings; mappings?: unknown }): IndexShard {
    const mapping = createMapping(init.mappings, init.settings.totalFieldsLimit);
    return new IndexShard(init.name, init.uuid, init.settings, mapping);
  }

  // ---------------------------------------------------------------- writes

  indexDoc(id: string, source: string, options: WriteOptions = {}): WriteOutcome {
    this.validateWrite(options);
    const state = this.current(id);
    if (options.opType === 'create' && state.kind === 'live') {
      throw this.conflict(id, `version conflict, document already exists (current version [${state.version}])`);
    }
    this.checkCas(id, state, options);
    const parsed = parseSource(source);
    const doc = this.parse(parsed, source, id);
    const version = state.kind === 'missing' ? 1 : state.version + 1;
    const seqNo = this.applyIndex(id, source, doc, version, this.maxSeqNo + 1, PRIMARY_TERM, options.routing, state);
    return { result: state.kind === 'live' ? 'updated' : 'created', id, version, seqNo, primaryTerm: PRIMARY_TERM, mappingChanged: doc.mappingChanged };
  }

  deleteDoc(id: string, options: WriteOptions = {}): WriteOutcome {
    this.validateWrite({ ...options, opType: undefined });
    const state = this.current(id);
    this.checkCas(id, state, options);
    const seqNo = this.maxSeqNo + 1;
    const version = state.kind === 'missing' ? 1 : state.version + 1;
    this.applyDelete(id, state, version, seqNo, PRIMARY_TERM);
    return { result: state.kind === 'live' ? 'deleted' : 'not_found', id, version, seqNo, primaryTerm: PRIMARY_TERM, mappingChanged: false };
  }

  updateDoc(id: string, request: UpdateRequest, options: WriteOptions = {}): WriteOutcome & { source: string } {
    this.validateWrite({ ...options, opType: undefined });
    const state = this.current(id);
    if (state.kind === 'live') {
      this.checkCas(id, state, options);
      if (request.doc === undefined) throw validationFailed(['script or doc is missing']);
      const currentSource = this.sources[state.doc];
      const { merged, changed } = mergeDoc(parseLossless(currentSource) as Record<string, unknown>, request.doc);
      if (!changed && request.detectNoop !== false) {
        return { result: 'noop', id, version: state.version, seqNo: state.seqNo, primaryTerm: state.primaryTerm, mappingChanged: false, source: currentSource };
      }
      const source = stringifyLossless(merged);
      const doc = this.parse(parseSource(source), source, id);
      const version = state.version + 1;
      const seqNo = this.applyIndex(id, source, doc, version, this.maxSeqNo + 1, PRIMARY_TERM, options.routing ?? this.routings.get(state.doc), state);
      return { result: 'updated', id, version, seqNo, primaryTerm: PRIMARY_TERM, mappingChanged: doc.mappingChanged, source };
    }
    const upsert = request.docAsUpsert && request.doc !== undefined ? request.doc : request.upsert;
    if (upsert === undefined) {
      throw new EsError(404, 'document_missing_exception', `[${id}]: document missing`, { index_uuid: this.uuid, shard: '0', index: this.name });
    }
    this.checkCas(id, state, options);
    const source = JSON.stringify(upsert);
    const doc = this.parse(upsert, source, id);
    const version = state.kind === 'missing' ? 1 : state.version + 1;
    const seqNo = this.applyIndex(id, source, doc, version, this.maxSeqNo + 1, PRIMARY_TERM, options.routing, state);
    return { result: 'created', id, version, seqNo, primaryTerm: PRIMARY_TERM, mappingChanged: doc.mappingChanged, source };
  }

  putMapping(mapping: unknown): boolean {
    if (typeof mapping === 'object' && mapping !== null && Object.keys(mapping).length === 1 && '_doc' in mapping) {
      throw new EsError(400, 'illegal_argument_exception', 'Types cannot be provided in put mapping requests');
    }
    const { mapping: next, changed } = updateMapping(this.mapping, mapping, this.settings.totalFieldsLimit);
    if (changed) {
      this.mapping = next;
      this.slotsByMapper.clear();
      this.ops++;
    }
    return changed;
  }

  mappingJson(): Record<string, unknown> {
    return rootMappingJson(this.mapping);
  }

  // ---------------------------------------------------------------- reads

  getDoc(id: string, realtime: boolean): GetResult {
    if (!realtime) {
      const view = this.view;
      const doc = view.docOf(id);
      if (doc === undefined || !view.isLive(doc)) return { found: false };
      return this.docResult(doc);
    }
    const state = this.current(id);
    if (state.kind !== 'live') return { found: false };
    return this.docResult(state.doc);
  }

  refresh(): void {
    if (this.viewOps === this.ops) return;
    const deleted = this.ids.length - this.liveCount;
    if (deleted >= MERGE_MIN_DELETED && deleted > this.ids.length * MERGE_DELETED_FRACTION) this.compact();
    this.view = this.buildView();
    this.viewOps = this.ops;
  }

  searchView(): SearchView {
    return this.view;
  }

  stats(): { docsCount: number; docsDeleted: number; storeSizeBytes: number; maxSeqNo: number } {
    const v = this.view;
    return { docsCount: v.numDocs, docsDeleted: v.maxDoc - v.numDocs, storeSizeBytes: this.sourceBytes, maxSeqNo: this.maxSeqNo };
  }

  // ---------------------------------------------------------------- snapshots

  exportState(): ShardState {
    const docs: ShardState['docs'] = [];
    for (let d = 0; d < this.ids.length; d++) {
      if (!this.live.get(d)) continue;
      const entry: ShardState['docs'][number] = {
        id: this.ids[d],
        source: this.sources[d],
        version: this.versions.data[d],
        seqNo: this.seqNos.data[d],
        primaryTerm: this.primaryTerms.data[d],
      };
      const routing = this.routings.get(d);
      if (routing !== undefined) entry.routing = routing;
      docs.push(entry);
    }
    const tombstones: ShardState['tombstones'] = [];
    for (const [id, t] of this.tombstones) tombstones.push({ id, version: t.version, seqNo: t.seqNo, primaryTerm: t.primaryTerm });
    tombstones.sort((a, b) => a.seqNo - b.seqNo);
    return {
      formatVersion: 1,
      name: this.name,
      uuid: this.uuid,
      settings: structuredClone(this.settings),
      mappings: this.mappingJson(),
      maxSeqNo: this.maxSeqNo,
      docs,
      tombstones,
    };
  }

  static restore(state: ShardState): IndexShard {
    const shard = IndexShard.create({ name: state.name, uuid: state.uuid, settings: state.settings, mappings: state.mappings });
    const missing: CurrentState = { kind: 'missing' };
    for (const d of state.docs) {
      const doc = shard.parse(parseSource(d.source), d.source, d.id);
      shard.applyIndex(d.id, d.source, doc, d.version, d.seqNo, d.primaryTerm, d.routing, missing);
    }
    for (const t of state.tombstones) {
      shard.tombstones.set(t.id, { version: t.version, seqNo: t.seqNo, primaryTerm: t.primaryTerm });
    }
    shard.maxSeqNo = Math.max(shard.maxSeqNo, state.maxSeqNo);
    shard.ops++;
    shard.refresh();
    return shard;
  }

  // ---------------------------------------------------------------- internals

  /**
   * Drops deleted and superseded docs: doc ids are renumbered densely in the same order (so ties keep
   * their order), every column and field index is rebuilt as new objects (views keep the old ones).
   */
  private compact(): void {
    const maxDoc = this.ids.length;
    const remap = new Int32Array(maxDoc);
    let n = 0;
    for (let d = 0; d < maxDoc; d++) remap[d] = this.live.get(d) ? n++ : -1;
    const ids: string[] = new Array<string>(n);
    const sources: string[] = new Array<string>(n);
    const seqNos = new FloatVector(Math.max(16, n));
    const versions = new FloatVector(Math.max(16, n));
    const primaryTerms = new IntVector(Math.max(16, n));
    const prevDoc = new IntVector(Math.max(16, n), -1);
    const routings = new Map<number, string>();
    const live = new BitSet(Math.max(1024, n));
    const latest = new Map<string, number>();
    let sourceBytes = 0;
    for (let d = 0; d < maxDoc; d++) {
      const nd = remap[d];
      if (nd < 0) continue;
      ids[nd] = this.ids[d];
      sources[nd] = this.sources[d];
      sourceBytes += this.sources[d].length;
      seqNos.push(this.seqNos.data[d]);
      versions.push(this.versions.data[d]);
      primaryTerms.push(this.primaryTerms.data[d]);
      const routing = this.routings.get(d);
      if (routing !== undefined) routings.set(nd, routing);
      live.set(nd);
      latest.set(this.ids[d], nd);
    }
    const slots = new Map<string, Slot>();
    for (const [path, slot] of this.slots) {
      slots.set(path, { writer: slot.writer.compact(remap), stamp: -1, changedAt: ++this.clock, cached: undefined });
    }
    this.ids = ids;
    this.sources = sources;
    this.seqNos = seqNos;
    this.versions = versions;
    this.primaryTerms = primaryTerms;
    this.prevDoc = prevDoc;
    this.routings = routings;
    this.live = live;
    this.latest = latest;
    this.sourceBytes = sourceBytes;
    this.slots = slots;
    this.slotsByMapper.clear();
    this.lookedUpId = undefined;
  }

  private validateWrite(options: WriteOptions): void {
    if (options.ifSeqNo === undefined && options.ifPrimaryTerm === undefined) return;
    const errors: string[] = [];
    const hasSeq = options.ifSeqNo !== undefined;
    const hasTerm = options.ifPrimaryTerm !== undefined;
    if (hasSeq && options.opType === 'create') errors.push('create operations do not support compare and set. use index instead');
    if (hasSeq && (!hasTerm || options.ifPrimaryTerm === 0)) errors.push('ifSeqNo is set, but primary term is [0]');
    if (hasTerm && !hasSeq && options.ifPrimaryTerm !== 0) errors.push(`ifSeqNo is unassigned, but primary term is [${options.ifPrimaryTerm}]`);
    if (errors.length > 0) throw validationFailed(errors);
  }

  private current(id: string): CurrentState {
    const doc = this.latest.get(id);
    this.lookedUpId = id;
    this.lookedUpDoc = doc ?? -1;
    if (doc !== undefined && this.live.get(doc)) {
      return { kind: 'live', doc, version: this.versions.data[doc], seqNo: this.seqNos.data[doc], primaryTerm: this.primaryTerms.data[doc] };
    }
    if (this.tombstones.size === 0) return MISSING;
    const t = this.tombstones.get(id);
    if (t !== undefined) return { kind: 'deleted', version: t.version };
    return MISSING;
  }

  private conflict(id: string, detail: string): EsError {
    return new EsError(409, 'version_conflict_engine_exception', `[${id}]: ${detail}`, { index_uuid: this.uuid, shard: '0', index: this.name });
  }

  private checkCas(id: string, state: CurrentState, options: WriteOptions): void {
    if (options.ifSeqNo === undefined) return;
    const term = options.ifPrimaryTerm ?? 0;
    const required = `version conflict, required seqNo [${options.ifSeqNo}], primary term [${term}].`;
    if (state.kind !== 'live') throw this.conflict(id, `${required} but no document was found`);
    if (state.seqNo !== options.ifSeqNo || state.primaryTerm !== term) {
      throw this.conflict(id, `${required} current document has seqNo [${state.seqNo}] and primary term [${state.primaryTerm}]`);
    }
  }

  private parse(source: Record<string, unknown>, raw: string, id: string): ParsedDocument {
    return parseDocument(source, raw, id, this.mapping, {
      ignoreMalformed: this.settings.ignoreMalformed,
      totalFieldsLimit: this.settings.totalFieldsLimit,
    });
  }

  /** Commits an index operation whose document already parsed (no failure is possible from here). */
  private applyIndex(id: string, source: string, parsed: ParsedDocument, version: number, seqNo: number, primaryTerm: number, routing: string | undefined, state: CurrentState): number {
    if (parsed.mappingChanged) {
      this.mapping = parsed.mapping;
      this.slotsByMapper.clear();
    }
    const doc = this.ids.length;
    if (state.kind === 'live') this.removeLive(state.doc);
    this.ids.push(id);
    this.sources.push(source);
    this.sourceBytes += source.length;
    this.seqNos.push(seqNo);
    this.versions.push(version);
    this.primaryTerms.push(primaryTerm);
    const prev = this.lookedUpId === id ? this.lookedUpDoc : (this.latest.get(id) ?? -1);
    this.lookedUpId = undefined;
    this.prevDoc.set(doc, prev);
    if (routing !== undefined) this.routings.set(doc, routing);
    this.live.set(doc);
    this.liveCount++;
    this.latest.set(id, doc);
    if (this.tombstones.size > 0) this.tombstones.delete(id);
    if (seqNo > this.maxSeqNo) this.maxSeqNo = seqNo;
    this.ops++;
    this.indexFields(doc, parsed);
    return seqNo;
  }

  private applyDelete(id: string, state: CurrentState, version: number, seqNo: number, primaryTerm: number): void {
    if (state.kind === 'live') this.removeLive(state.doc);
    this.tombstones.set(id, { version, seqNo, primaryTerm });
    if (seqNo > this.maxSeqNo) this.maxSeqNo = seqNo;
    this.ops++;
  }

  private removeLive(doc: number): void {
    this.live.clear(doc);
    this.liveCount--;
    for (const slot of this.slots.values()) {
      slot.writer.removeDoc(doc);
      slot.changedAt = ++this.clock;
    }
  }

  private slotFor(path: string, mapper: LeafMapper): Slot {
    let slot = this.slots.get(path);
    if (slot === undefined) {
      let writer: Writer;
      if (isNumericType(mapper.type) || mapper.type === 'date') writer = new NumericFieldWriter(path);
      else if (mapper.type === 'text' || mapper.type === 'match_only_text') {
        const analyzer = getAnalyzer(typeof mapper.params.analyzer === 'string' ? mapper.params.analyzer : 'standard');
        writer = new TextFieldWriter(path, analyzer, mapper.params, mapper.type === 'match_only_text');
      } else writer = new TermsFieldWriter(path);
      slot = { writer, stamp: -1, changedAt: ++this.clock, cached: undefined };
      this.slots.set(path, slot);
    }
    return slot;
  }

  private indexFields(doc: number, parsed: ParsedDocument): void {
    const touched: Slot[] = [];
    const { paths, mappers, values } = parsed;
    for (let i = 0; i < paths.length; i++) {
      const mapper = mappers[i];
      let slot = this.slotsByMapper.get(mapper);
      if (slot === undefined) {
        slot = this.slotFor(paths[i], mapper);
        if (mapper.type !== 'flattened') this.slotsByMapper.set(mapper, slot);
      }
      if (slot.stamp !== doc) {
        slot.stamp = doc;
        touched.push(slot);
      }
      const w = slot.writer;
      const v = values[i];
      if (w instanceof NumericFieldWriter) w.add(doc, v as number);
      else if (w instanceof TextFieldWriter) w.addValue(doc, v as string);
      else w.add(doc, v as string);
    }
    if (parsed.ignored.length > 0) {
      const slot = this.slotFor(IGNORED_FIELD, { kind: 'leaf', type: 'keyword', params: {}, fields: new Map() });
      slot.stamp = doc;
      touched.push(slot);
      for (const path of parsed.ignored) (slot.writer as TermsFieldWriter).add(doc, path);
    }
    for (const slot of touched) {
      slot.writer.endDoc(doc);
      slot.changedAt = ++this.clock;
    }
  }

  private docResult(doc: number): GetResult {
    const result: GetResult = {
      found: true,
      id: this.ids[doc],
      version: this.versions.data[doc],
      seqNo: this.seqNos.data[doc],
      primaryTerm: this.primaryTerms.data[doc],
      source: this.sources[doc],
    };
    const routing = this.routings.get(doc);
    if (routing !== undefined) result.routing = routing;
    const ignoredSlot = this.slots.get(IGNORED_FIELD);
    if (ignoredSlot !== undefined) {
      const ignored = (ignoredSlot.writer as TermsFieldWriter).values(doc);
      if (ignored.length > 0) result.ignored = [...ignored];
    }
    return result;
  }

  private settingsView(): IndexSettingsView {
    const s = this.settings;
    return { maxResultWindow: s.maxResultWindow, maxInnerResultWindow: s.maxInnerResultWindow, maxTermsCount: s.maxTermsCount, defaultFields: s.defaultFields };
  }

  private buildView(): ShardSearchView {
    if (this.catalogFor !== this.mapping) {
      this.catalog = buildCatalog(this.mapping);
      this.catalogFor = this.mapping;
    }
    const catalog = this.catalog;
    const maxDoc = this.ids.length;
    const numDocs = this.liveCount;
    const fields = new Map<string, FieldIndex>();
    const keyed = new Map<string, FieldIndex>();
    for (const [path, slot] of this.slots) {
      let mapping: LeafFieldMapping | undefined = catalog.leaves.get(path);
      const isKeyed = mapping === undefined && path !== IGNORED_FIELD;
      if (isKeyed) {
        const root = catalog.flattenedRoots.find((r) => path.startsWith(`${r}.`));
        if (root === undefined) continue;
        mapping = { path, type: 'flattened', params: (catalog.leaves.get(root) as LeafFieldMapping).params };
      }
      if (mapping === undefined) mapping = { path, type: 'keyword', params: {} };
      if (mapping.type === 'text' && mapping.params.index === false) continue;
      if (mapping.params.index === false && mapping.params.doc_values === false) continue;
      let index: FieldIndex;
      const cached = slot.cached;
      if (cached !== undefined && cached.at === slot.changedAt && cached.index.mapping === mapping) index = cached.index;
      else {
        index = slot.writer.view(mapping, maxDoc);
        slot.cached = { at: slot.changedAt, maxDoc, index };
      }
      (isKeyed ? keyed : fields).set(path, index);
    }
    const live = this.live.snapshot(maxDoc);
    const fallback = (path: string): FieldIndex | undefined => {
      const k = keyed.get(path);
      if (k !== undefined) return k;
      const mapping = catalog.leaves.get(path);
      if (mapping === undefined) {
        const root = catalog.flattenedRoots.find((r) => path.startsWith(`${r}.`));
        if (root === undefined) return undefined;
        return emptyTermsIndex({ path, type: 'flattened', params: (catalog.leaves.get(root) as LeafFieldMapping).params });
      }
      if (mapping.type === 'constant_keyword') return constantKeywordIndex(mapping, maxDoc, numDocs);
      if (mapping.type === 'text' && mapping.params.index === false) return undefined;
      if (mapping.params.index === false && mapping.params.doc_values === false) return undefined;
      if (mapping.type === 'text' || mapping.type === 'match_only_text') return emptyTextIndex(mapping);
      if (isNumericType(mapping.type) || mapping.type === 'date') return emptyNumericIndex(mapping);
      return emptyTermsIndex(mapping);
    };
    return new ShardSearchView({
      index: this.name,
      uuid: this.uuid,
      settings: () => this.settingsView(),
      maxDoc,
      numDocs,
      live,
      columns: {
        ids: this.ids,
        sources: this.sources,
        seqNos: this.seqNos.data,
        versions: this.versions.data,
        primaryTerms: this.primaryTerms.data,
        routings: this.routings,
        latest: this.latest,
        // The vector itself, not its buffer: growth replaces the buffer, and newer docs link back to view docs.
        prevDoc: this.prevDoc,
      },
      catalog,
      fields,
      fallback,
    });
  }
}
