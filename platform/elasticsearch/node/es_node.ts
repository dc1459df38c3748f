/**
 * The node: cluster metadata (indices, aliases, templates, cluster settings), the shards, durability
 * through the write-ahead log, and the refresh scheduler. Every mutation is applied in memory first
 * (validation throws EsError with no side effect), then logged; callers acknowledge after `durable()`.
 * Log order equals application order because records are queued synchronously.
 */
import { randomBytes } from 'node:crypto';
import { EsError, illegalArgument, indexNotFound } from '../errors';
import { IndexShard } from '../shard';
import type { GetResult, ShardState, UpdateRequest, WriteOutcome } from '../shard';
import { DataStore, TextRecord, type StorageLogger } from '../storage';
import { validateAliasName, validateIndexName } from './index_names';
import { resolveDateMathName } from './date_math_names';
import {
  CREATION_DEFAULTS,
  flattenSettings,
  nestSettings,
  nonDynamicKeys,
  toIndexSettings,
  validateSettings,
  type RawSettings,
} from './index_settings';
import type { LogRecord, SnapshotLine } from './log_records';
import { resolveTargets, type IndicesOptions, type ResolvedIndex, type TargetCatalog } from './resolve_targets';
import {
  checkOverlap,
  composeTemplate,
  findMatchingTemplate,
  mergeMappings,
  missingComponents,
  type AliasDefinition,
  type ComponentTemplate,
  type IndexTemplate,
  type TemplateBody,
} from './templates';
import { simpleMatch } from './wildcard';

export interface IndexState {
  readonly name: string;
  readonly uuid: string;
  raw: RawSettings;
  aliases: Map<string, AliasDefinition>;
  readonly shard: IndexShard;
  /** Writes since the last refresh. */
  dirty: boolean;
  timer: NodeJS.Timeout | undefined;
  refreshWaiters: Array<() => void>;
  /** Last search (ms): drives search-idle when `refresh_interval` is not set explicitly. */
  lastSearchAt: number;
}

export interface DocWriteParams {
  opType?: 'index' | 'create';
  ifSeqNo?: number;
  ifPrimaryTerm?: number;
  routing?: string;
  requireAlias?: boolean;
}

export interface CreateIndexBody {
  settings?: Record<string, unknown>;
  mappings?: Record<string, unknown>;
  aliases?: Record<string, AliasDefinition>;
}

export interface AliasAction {
  type: 'add' | 'remove' | 'remove_index';
  indices: string[];
  aliases: string[];
  definition: AliasDefinition;
  mustExist?: boolean;
}

export interface AliasActionResult {
  action: { type: string; indices: string[]; aliases: string[] };
  status: number;
  error?: Record<string, unknown>;
}

export interface EsNodeOptions {
  dataPath: string;
  logger: StorageLogger;
  flushThresholdBytes?: number;
  /** Discard the log from a corrupted record on instead of refusing to start. */
  repair?: boolean;
}

const FLUSH_EVERY_MS = 30 * 60 * 1000;
/** Array items per snapshot line. */
const SNAPSHOT_CHUNK = 1000;
/** `index.search.idle.after` default (spec §12). */
export const SEARCH_IDLE_AFTER_MS = 30_000;

function newUuid(): string {
  return randomBytes(16).toString('base64url').slice(0, 22);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function aliasesToObject(aliases: Map<string, AliasDefinition>): Record<string, AliasDefinition> {
  const out: Record<string, AliasDefinition> = {};
  for (const [k, v] of [...aliases.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = v;
  return out;
}

export class EsNode implements TargetCatalog {
  private readonly indices = new Map<string, IndexState>();
  private readonly templates = new Map<string, IndexTemplate>();
  private readonly components = new Map<string, ComponentTemplate>();
  private clusterSettingsValue: Record<string, string> = {};
  private transientSettings: Record<string, string> = {};
  private clusterUuidValue = '';
  private replaying = false;
  private pending: Array<LogRecord | TextRecord> = [];
  private pendingBatch: { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } | undefined;
  private lastAppend: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly store: DataStore,
    readonly logger: StorageLogger,
  ) {}

  static async open(options: EsNodeOptions): Promise<EsNode> {
    const { store, recovered } = await DataStore.open(options.dataPath, options.logger, {
      flushThresholdBytes: options.flushThresholdBytes,
      repair: options.repair,
    });
    const node = new EsNode(store, options.logger);
    try {
      node.replaying = true;
      if (recovered.snapshot !== undefined) node.restoreSnapshot(recovered.snapshot as SnapshotLine[]);
      recovered.records.forEach((record, i) => node.replay(fromLogEntry(record), i));
      node.replaying = false;
      for (const state of node.indices.values()) {
        state.shard.refresh();
        node.scheduleRefresh(state);
      }
      if (!node.clusterUuidValue) {
        node.clusterUuidValue = newUuid();
        node.log({ op: 'init', cluster_uuid: node.clusterUuidValue });
        await node.durable();
      }
      options.logger.info('Recovered node state', {
        indices: node.indices.size,
        replayedRecords: recovered.records.length,
        tornTails: recovered.tornTails,
      });
    } catch (e) {
      await store.close().catch(() => undefined);
      throw e;
    }
    node.flushTimer = setInterval(() => void node.flush(), FLUSH_EVERY_MS);
    node.flushTimer.unref();
    return node;
  }

  get clusterUuid(): string {
    return this.clusterUuidValue;
  }

  // ---------------------------------------------------------------- durability

  private log(record: LogRecord): void {
    if (this.replaying) return;
    this.pending.push(toLogEntry(record));
    if (!this.pendingBatch) {
      let resolve: () => void = () => undefined;
      let reject: (e: Error) => void = () => undefined;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => undefined);
      this.pendingBatch = { promise, resolve, reject };
      // Everything logged in this synchronous stretch shares one append (and one fdatasync).
      queueMicrotask(() => this.flushPending());
    }
  }

  private flushPending(): void {
    const batch = this.pendingBatch;
    const records = this.pending;
    this.pending = [];
    this.pendingBatch = undefined;
    if (!batch) return;
    const appended = this.store.append(records);
    appended.catch(() => undefined);
    this.lastAppend = appended;
    appended.then(batch.resolve, batch.reject);
    appended.then(
      () => {
        if (this.store.needsFlush()) void this.flush();
      },
      (e: Error) => this.logger.error('Write-ahead log append failed; writes cannot be acknowledged', { error: e.message }),
    );
  }

  /** Resolves when everything applied so far is on stable storage. */
  durable(): Promise<void> {
    return this.pendingBatch ? this.pendingBatch.promise : this.lastAppend;
  }

  /** Snapshot + log trim. */
  async flush(): Promise<void> {
    if (this.closed) return;
    try {
      await this.store.flush(() => this.captureSnapshot());
    } catch (e) {
      this.logger.error('Flush failed', { error: (e as Error).message });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.flushTimer) clearInterval(this.flushTimer);
    for (const state of this.indices.values()) {
      if (state.timer) clearInterval(state.timer);
      state.refreshWaiters.splice(0).forEach((w) => w());
    }
    await this.durable().catch(() => undefined);
    await this.store.close(() => this.captureSnapshot());
  }

  /**
   * Captures the state now (shard exports are fresh copies) and returns its lines, produced lazily from
   * that copy so a large snapshot is written in chunks and never built as one string.
   */
  private captureSnapshot(): Iterable<string> {
    const node: SnapshotLine = {
      t: 'node',
      format: 1,
      cluster_uuid: this.clusterUuidValue,
      templates: Object.fromEntries(this.templates),
      components: Object.fromEntries(this.components),
      cluster_settings: { ...this.clusterSettingsValue },
    };
    const indices = [...this.indices.values()].map((s) => ({
      name: s.name,
      uuid: s.uuid,
      settings: { ...s.raw },
      aliases: aliasesToObject(s.aliases),
      shard: s.shard.exportState() as unknown as Record<string, unknown>,
    }));
    return (function* lines(): Generator<string> {
      yield JSON.stringify(node);
      for (const index of indices) {
        const shard: Record<string, unknown> = { ...index.shard };
        const arrays: Array<[string, unknown[]]> = [];
        for (const [key, value] of Object.entries(shard)) {
          if (Array.isArray(value) && value.length > SNAPSHOT_CHUNK) {
            arrays.push([key, value]);
            shard[key] = [];
          }
        }
        const line: SnapshotLine = { t: 'index', name: index.name, uuid: index.uuid, settings: index.settings, aliases: index.aliases, shard };
        yield JSON.stringify(line);
        for (const [key, items] of arrays) {
          for (let i = 0; i < items.length; i += SNAPSHOT_CHUNK) {
            const chunk: SnapshotLine = { t: 'items', key, items: items.slice(i, i + SNAPSHOT_CHUNK) };
            yield JSON.stringify(chunk);
          }
        }
      }
    })();
  }

  private restoreSnapshot(lines: SnapshotLine[]): void {
    let pending: Extract<SnapshotLine, { t: 'index' }> | undefined;
    const finish = (): void => {
      if (!pending) return;
      const entry = pending;
      const shard = IndexShard.restore(entry.shard as unknown as ShardState);
      shard.settings = toIndexSettings(entry.settings);
      this.indices.set(entry.name, this.newState(entry.name, entry.uuid, entry.settings, entry.aliases, shard));
      pending = undefined;
    };
    for (const line of lines) {
      if (line.t === 'node') {
        if (line.format !== 1) throw new Error(`unknown snapshot format [${String(line.format)}]`);
        this.clusterUuidValue = line.cluster_uuid;
        for (const [k, v] of Object.entries(line.templates)) this.templates.set(k, v);
        for (const [k, v] of Object.entries(line.components)) this.components.set(k, v);
        this.clusterSettingsValue = { ...line.cluster_settings };
      } else if (line.t === 'index') {
        finish();
        pending = line;
      } else {
        const target = pending?.shard[line.key];
        if (!Array.isArray(target)) throw new Error(`snapshot items for [${line.key}] do not follow an index line`);
        for (const item of line.items) target.push(item);
      }
    }
    finish();
  }

  private replay(record: LogRecord, position: number): void {
    const diverged = (what: string): Error =>
      new Error(`write-ahead log replay diverged at record ${position} (${record.op}): ${what}; refusing to start`);
    switch (record.op) {
      case 'init':
        this.clusterUuidValue = record.cluster_uuid;
        return;
      case 'index':
      case 'delete': {
        const state = this.indices.get(record.index);
        if (!state) throw diverged(`index [${record.index}] does not exist`);
        const outcome =
          record.op === 'index'
            ? state.shard.indexDoc(record.id, record.source, { routing: record.routing })
            : state.shard.deleteDoc(record.id, { routing: record.routing });
        if (outcome.seqNo !== record.seq_no || outcome.version !== record.version) {
          throw diverged(`expected seq_no ${record.seq_no} version ${record.version}, got ${outcome.seqNo}/${outcome.version}`);
        }
        state.dirty = true;
        return;
      }
      default:
        this.applyMetadata(record);
    }
  }

  /** Metadata records: the same code applies them live and on replay. */
  private applyMetadata(record: Exclude<LogRecord, { op: 'index' | 'delete' | 'init' }>): void {
    switch (record.op) {
      case 'create_index': {
        const shard = IndexShard.create({
          name: record.name,
          uuid: record.uuid,
          settings: toIndexSettings(record.settings),
          mappings: record.mappings,
        });
        const state = this.newState(record.name, record.uuid, record.settings, record.aliases, shard);
        this.indices.set(record.name, state);
        if (!this.replaying) this.scheduleRefresh(state);
        break;
      }
      case 'delete_index': {
        const state = this.indices.get(record.name);
        if (state) {
          if (state.timer) clearInterval(state.timer);
          state.refreshWaiters.splice(0).forEach((w) => w());
          this.indices.delete(record.name);
        }
        break;
      }
      case 'put_mapping':
        this.mustGet(record.index).shard.putMapping(record.mapping);
        break;
      case 'put_settings': {
        const state = this.mustGet(record.index);
        state.raw = { ...record.settings };
        state.shard.settings = toIndexSettings(state.raw);
        if (!this.replaying) this.scheduleRefresh(state);
        break;
      }
      case 'set_aliases':
        for (const [index, aliases] of Object.entries(record.indices)) {
          const state = this.indices.get(index);
          if (state) state.aliases = new Map(Object.entries(aliases));
        }
        break;
      case 'put_template':
        this.templates.set(record.name, record.template);
        break;
      case 'delete_template':
        this.templates.delete(record.name);
        break;
      case 'put_component':
        this.components.set(record.name, record.template);
        break;
      case 'delete_component':
        this.components.delete(record.name);
        break;
      case 'cluster_settings':
        this.clusterSettingsValue = { ...record.persistent };
        break;
    }
  }

  private applyAndLog(record: Exclude<LogRecord, { op: 'index' | 'delete' | 'init' }>): void {
    this.applyMetadata(record);
    this.log(record);
  }

  private newState(
    name: string,
    uuid: string,
    raw: RawSettings,
    aliases: Record<string, AliasDefinition>,
    shard: IndexShard,
  ): IndexState {
    return { name, uuid, raw: { ...raw }, aliases: new Map(Object.entries(aliases)), shard, dirty: false, timer: undefined, refreshWaiters: [], lastSearchAt: 0 };
  }

  private mustGet(index: string): IndexState {
    const state = this.indices.get(index);
    if (!state) throw indexNotFound(index);
    return state;
  }

  // ---------------------------------------------------------------- refresh

  private scheduleRefresh(state: IndexState): void {
    if (state.timer) clearInterval(state.timer);
    state.timer = undefined;
    const interval = state.shard.settings.refreshInterval;
    if (interval > 0) {
      state.timer = setInterval(() => {
        if (state.refreshWaiters.length > 0 || (state.dirty && !this.isSearchIdle(state))) this.refreshState(state);
      }, interval);
      state.timer.unref();
    }
  }

  /**
   * Search-idle (spec §12): with no explicit `refresh_interval`, an index not searched for 30 s skips
   * scheduled refreshes (bulk loads then cost no view rebuilds); the next search refreshes first.
   */
  private isSearchIdle(state: IndexState): boolean {
    return state.raw['index.refresh_interval'] === undefined && Date.now() - state.lastSearchAt >= SEARCH_IDLE_AFTER_MS;
  }

  /** Called before a search reads the index's searchable view. */
  prepareSearch(state: IndexState): void {
    if (state.dirty && this.isSearchIdle(state)) this.refreshState(state);
    state.lastSearchAt = Date.now();
  }

  /** Publishes every earlier operation of the index to its searchable view. */
  refreshState(state: IndexState): void {
    state.shard.refresh();
    state.dirty = false;
    const waiters = state.refreshWaiters.splice(0);
    for (const w of waiters) w();
  }

  /** `refresh=wait_for`: resolves at the index's next refresh (scheduled or explicit). */
  waitForRefresh(state: IndexState): Promise<void> {
    if (!this.indices.has(state.name)) return Promise.resolve();
    return new Promise((resolve) => state.refreshWaiters.push(resolve));
  }

  // ---------------------------------------------------------------- catalog

  hasIndex(name: string): boolean {
    return this.indices.has(name);
  }
  isHiddenIndex(name: string): boolean {
    return this.indices.get(name)?.raw['index.hidden'] === 'true';
  }
  indexNames(): string[] {
    return [...this.indices.keys()].sort();
  }
  hasAlias(name: string): boolean {
    for (const s of this.indices.values()) if (s.aliases.has(name)) return true;
    return false;
  }
  isHiddenAlias(name: string): boolean {
    for (const s of this.indices.values()) {
      const a = s.aliases.get(name);
      if (a) return a.is_hidden === true;
    }
    return false;
  }
  aliasNames(): string[] {
    const names = new Set<string>();
    for (const s of this.indices.values()) for (const a of s.aliases.keys()) names.add(a);
    return [...names].sort();
  }
  aliasIndices(alias: string): string[] {
    return this.indexNames().filter((i) => this.indices.get(i)?.aliases.has(alias));
  }

  getIndex(name: string): IndexState | undefined {
    return this.indices.get(name);
  }

  resolve(expression: string | readonly string[] | undefined, options: IndicesOptions): ResolvedIndex[] {
    return resolveTargets(expression, options, this);
  }

  /** Resolved indices with the alias filters that apply (none when reached directly or via an unfiltered alias). */
  resolveWithFilters(
    expression: string | readonly string[] | undefined,
    options: IndicesOptions,
  ): Array<{ state: IndexState; aliasFilters?: unknown[] }> {
    return this.resolve(expression, options).map((r) => {
      const state = this.mustGet(r.index);
      if (r.direct) return { state };
      const filters: unknown[] = [];
      for (const alias of r.aliases) {
        const f = state.aliases.get(alias)?.filter;
        if (f === undefined) return { state };
        filters.push(f);
      }
      return { state, aliasFilters: filters };
    });
  }

  // ---------------------------------------------------------------- indices

  /** Creates an index from the matching template + the request body. */
  createIndex(requestedName: string, body: CreateIndexBody): IndexState {
    const name = resolveDateMathName(requestedName, Date.now());
    validateIndexName(name);
    const existing = this.indices.get(name);
    if (existing) {
      throw new EsError(400, 'resource_already_exists_exception', `index [${name}/${existing.uuid}] already exists`, {
        index_uuid: existing.uuid,
        index: name,
      });
    }
    if (this.hasAlias(name)) {
      throw new EsError(400, 'invalid_index_name_exception', `Invalid index name [${name}], already exists as alias`, {
        index_uuid: '_na_',
        index: name,
      });
    }
    const requestSettings = flattenSettings(body.settings);
    const requestHidden = requestSettings['index.hidden'] === 'true';
    const match = findMatchingTemplate(name, this.templates, requestHidden);
    const composed: TemplateBody = match ? composeTemplate(match.template, this.components) : {};
    const flat = { ...(composed.settings as Record<string, string | null> | undefined), ...requestSettings };
    const validated = validateSettings(flat);
    const raw: RawSettings = { ...CREATION_DEFAULTS };
    for (const [k, v] of Object.entries(validated)) if (v !== null) raw[k] = v;
    const uuid = newUuid();
    raw['index.uuid'] = uuid;
    raw['index.creation_date'] = String(Date.now());
    raw['index.provided_name'] = name;
    raw['index.version.created'] = '9009000';
    const mappings = mergeMappings(composed.mappings ?? {}, body.mappings ?? {});
    const aliases: Record<string, AliasDefinition> = { ...(composed.aliases ?? {}), ...(body.aliases ?? {}) };
    for (const [alias, def] of Object.entries(aliases)) {
      this.validateNewAlias(alias, name);
      aliases[alias] = normalizeAliasDefinition(def);
      this.checkAliasConsistency(alias, name, aliases[alias]);
    }
    this.applyAndLog({ op: 'create_index', name, uuid, settings: raw, mappings, aliases });
    return this.mustGet(name);
  }

  deleteIndex(name: string): void {
    this.mustGet(name);
    this.applyAndLog({ op: 'delete_index', name });
  }

  putMapping(index: string, mapping: Record<string, unknown>): void {
    const state = this.mustGet(index);
    const changed = state.shard.putMapping(mapping);
    if (changed) this.log({ op: 'put_mapping', index, mapping });
  }

  /** Validates everything for all indices first, then applies (atomic). */
  putSettings(indices: IndexState[], settings: unknown, preserveExisting: boolean): void {
    const flat = validateSettings(flattenSettings(settings));
    const nonDynamic = nonDynamicKeys(flat);
    if (nonDynamic.length > 0 && indices.length > 0) {
      throw illegalArgument(
        `Can't update non dynamic settings [[${nonDynamic.join(', ')}]] for open indices [${indices.map((s) => `[${s.name}/${s.uuid}]`).join(', ')}]`,
      );
    }
    const updates = indices.map((state) => {
      const raw = { ...state.raw };
      for (const [k, v] of Object.entries(flat)) {
        if (v === null) {
          if (k === 'index.number_of_replicas') raw[k] = '1';
          else delete raw[k];
        } else if (!preserveExisting || raw[k] === undefined) raw[k] = v;
      }
      toIndexSettings(raw);
      return { state, raw };
    });
    for (const { state, raw } of updates) {
      const hiddenChanged = (state.raw['index.hidden'] === 'true') !== (raw['index.hidden'] === 'true');
      this.applyAndLog({ op: 'put_settings', index: state.name, settings: raw });
      if (hiddenChanged) this.logger.info('Index visibility changed', { index: state.name, hidden: raw['index.hidden'] });
    }
  }

  // ---------------------------------------------------------------- aliases

  private validateNewAlias(alias: string, forIndex: string): void {
    validateAliasName(alias);
    if (this.indices.has(alias) || alias === forIndex) {
      throw new EsError(
        400,
        'invalid_alias_name_exception',
        `Invalid alias name [${alias}]: an index or data stream exists with the same name as the alias`,
      );
    }
  }

  private checkAliasConsistency(
    alias: string,
    index: string,
    def: AliasDefinition,
    view: Map<string, Map<string, AliasDefinition>> = this.aliasView(),
  ): void {
    const hiddenOn: string[] = [];
    const visibleOn: string[] = [];
    const writeOn: string[] = [];
    for (const [i, aliases] of view) {
      const d = i === index ? def : aliases.get(alias);
      if (!d) continue;
      (d.is_hidden ? hiddenOn : visibleOn).push(i);
      if (d.is_write_index) writeOn.push(i);
    }
    if (!view.has(index)) {
      (def.is_hidden ? hiddenOn : visibleOn).push(index);
      if (def.is_write_index) writeOn.push(index);
    }
    if (hiddenOn.length > 0 && visibleOn.length > 0) {
      throw illegalArgument(
        `alias [${alias}] has is_hidden set to true on indices [${hiddenOn.sort().join(', ')}] but does not have is_hidden set to true on indices [${visibleOn.sort().join(', ')}]; alias must have the same is_hidden setting on all indices`,
      );
    }
    if (writeOn.length > 1) {
      throw illegalArgument(`alias [${alias}] has more than one write index [${writeOn.sort().join(',')}]`);
    }
  }

  private aliasView(): Map<string, Map<string, AliasDefinition>> {
    const view = new Map<string, Map<string, AliasDefinition>>();
    for (const [name, s] of this.indices) view.set(name, new Map(s.aliases));
    return view;
  }

  /** `POST _aliases`: all actions validated against a working copy, then applied and logged at once. */
  updateAliases(actions: AliasAction[], options: IndicesOptions): { errors: boolean; results: AliasActionResult[] } {
    const view = this.aliasView();
    const removeIndices: string[] = [];
    const results: AliasActionResult[] = [];
    for (const action of actions) {
      const indices = this.resolveAliasActionIndices(action, options, view);
      if (action.type === 'remove_index') {
        for (const i of indices) {
          if (!this.indices.has(i)) throw indexNotFound(i);
          removeIndices.push(i);
          view.delete(i);
        }
        results.push({ action: { type: 'remove_index', indices: [...indices].sort(), aliases: [] }, status: 200 });
        continue;
      }
      if (action.type === 'add') {
        for (const alias of action.aliases) {
          for (const i of indices) {
            // Name clashes with indices are checked on the final state (remove_index may free the name).
            validateAliasName(alias);
            const def = normalizeAliasDefinition(action.definition);
            this.checkAliasConsistency(alias, i, def, view);
            view.get(i)?.set(alias, def);
          }
        }
        results.push({ action: { type: 'add', indices: [...indices].sort(), aliases: action.aliases }, status: 200 });
        continue;
      }
      let removed = 0;
      for (const i of indices) {
        const aliases = view.get(i);
        if (!aliases) continue;
        for (const pattern of action.aliases) {
          for (const a of [...aliases.keys()]) {
            if (simpleMatch(pattern, a) || (pattern === '_all' || pattern === '*')) {
              aliases.delete(a);
              removed++;
            }
          }
        }
      }
      if (removed === 0) {
        const missing = action.aliases.join(',');
        const error = new EsError(404, 'aliases_not_found_exception', `aliases [${missing}] missing`, {
          'resource.type': 'aliases',
          'resource.id': missing,
        });
        if (action.mustExist === true) throw error;
        results.push({
          action: { type: 'remove', indices: [...indices].sort(), aliases: action.aliases },
          status: 404,
          error: error.toCause(),
        });
      } else {
        results.push({ action: { type: 'remove', indices: [...indices].sort(), aliases: action.aliases }, status: 200 });
      }
    }
    for (const [index, aliases] of view) {
      for (const alias of aliases.keys()) {
        if (view.has(alias) || (alias === index)) {
          throw new EsError(
            400,
            'invalid_alias_name_exception',
            `Invalid alias name [${alias}]: an index or data stream exists with the same name as the alias`,
          );
        }
      }
    }
    const changed: Record<string, Record<string, AliasDefinition>> = {};
    for (const [name, aliases] of view) {
      const current = this.indices.get(name);
      if (current && JSON.stringify(aliasesToObject(current.aliases)) !== JSON.stringify(aliasesToObject(aliases))) {
        changed[name] = aliasesToObject(aliases);
      }
    }
    if (Object.keys(changed).length > 0) this.applyAndLog({ op: 'set_aliases', indices: changed });
    for (const i of removeIndices) this.applyAndLog({ op: 'delete_index', name: i });
    return { errors: results.some((r) => r.error), results };
  }

  private resolveAliasActionIndices(
    action: AliasAction,
    options: IndicesOptions,
    view: Map<string, Map<string, AliasDefinition>>,
  ): string[] {
    const out: string[] = [];
    for (const expr of action.indices) {
      if (expr.includes('*') || expr === '_all') {
        for (const r of this.resolve(expr, { ...options, allowNoIndices: true })) if (view.has(r.index)) out.push(r.index);
        continue;
      }
      if (this.indices.has(expr)) {
        if (view.has(expr)) out.push(expr);
        continue;
      }
      if (action.type !== 'add' && this.hasAlias(expr) && action.type === 'remove_index') {
        throw illegalArgument(
          `The provided expression [${expr}] matches an alias, specify the corresponding concrete indices instead.`,
        );
      }
      if (this.hasAlias(expr)) {
        out.push(...this.aliasIndices(expr));
        continue;
      }
      throw indexNotFound(expr);
    }
    if (out.length === 0 && action.indices.length > 0 && action.type === 'add') {
      throw indexNotFound(action.indices.join(','));
    }
    return [...new Set(out)];
  }

  /** `PUT /{index}/_alias/{name}` */
  putAlias(indices: string[], alias: string, definition: AliasDefinition, options: IndicesOptions): void {
    this.updateAliases([{ type: 'add', indices, aliases: [alias], definition }], options);
  }

  /** `DELETE /{index}/_alias/{name}`: 404 when nothing matched. */
  deleteAliases(indices: string[], aliases: string[], options: IndicesOptions): void {
    this.updateAliases([{ type: 'remove', indices, aliases, definition: {}, mustExist: true }], options);
  }

  // ---------------------------------------------------------------- templates

  putIndexTemplate(name: string, template: IndexTemplate, create: boolean): void {
    if (create && this.templates.has(name)) throw illegalArgument(`index template [${name}] already exists`);
    const missing = missingComponents(template, this.components);
    if (missing.length > 0) {
      throw new EsError(
        400,
        'invalid_index_template_exception',
        `index_template [${name}] invalid, cause [index template [${name}] specifies component templates [${missing.join(', ')}] that do not exist]`,
        { name },
      );
    }
    checkOverlap(name, template, this.templates);
    const normalized: IndexTemplate = template.template
      ? { ...template, template: normalizeTemplateBody(template.template) }
      : template;
    this.validateTemplateBody(name, composeTemplate(normalized, this.components));
    this.applyAndLog({ op: 'put_template', name, template: normalized });
  }

  putComponentTemplate(name: string, template: ComponentTemplate, create: boolean): void {
    if (create && this.components.has(name)) throw illegalArgument(`component template [${name}] already exists`);
    const normalized: ComponentTemplate = { ...template, template: normalizeTemplateBody(template.template) };
    this.validateTemplateBody(name, {
      settings: normalized.template.settings ? flattenSettings(normalized.template.settings) : {},
      mappings: normalized.template.mappings,
      aliases: normalized.template.aliases,
    });
    this.applyAndLog({ op: 'put_component', name, template: normalized });
  }

  /** Settings and mappings must be valid on their own (a throwaway shard validates mappings). */
  private validateTemplateBody(name: string, body: TemplateBody): void {
    const validated = validateSettings((body.settings ?? {}) as Record<string, string | null>);
    const raw: RawSettings = { ...CREATION_DEFAULTS };
    for (const [k, v] of Object.entries(validated)) if (v !== null) raw[k] = v;
    IndexShard.create({ name: `validate-${name}`, uuid: '_na_', settings: toIndexSettings(raw), mappings: body.mappings ?? {} });
    for (const alias of Object.keys(body.aliases ?? {})) validateAliasName(alias);
  }

  getIndexTemplates(pattern: string | undefined): Array<{ name: string; index_template: IndexTemplate }> {
    const names = [...this.templates.keys()].sort();
    const patterns = pattern ? pattern.split(',') : ['*'];
    const matched = names.filter((n) => patterns.some((p) => simpleMatch(p, n)));
    if (pattern && !pattern.includes('*') && matched.length === 0) {
      throw new EsError(404, 'resource_not_found_exception', `index template matching [${pattern}] not found`);
    }
    return matched.map((name) => ({ name, index_template: this.templates.get(name) as IndexTemplate }));
  }

  deleteIndexTemplates(pattern: string): void {
    const names = [...this.templates.keys()].filter((n) => pattern.split(',').some((p) => simpleMatch(p, n)));
    if (names.length === 0) {
      throw new EsError(404, 'index_template_missing_exception', `index_template [${pattern}] missing`);
    }
    for (const name of names) this.applyAndLog({ op: 'delete_template', name });
  }

  getComponentTemplates(pattern: string | undefined): Array<{ name: string; component_template: ComponentTemplate }> {
    const names = [...this.components.keys()].sort();
    const patterns = pattern ? pattern.split(',') : ['*'];
    const matched = names.filter((n) => patterns.some((p) => simpleMatch(p, n)));
    if (pattern && !pattern.includes('*') && matched.length === 0) {
      throw new EsError(404, 'resource_not_found_exception', `component template matching [${pattern}] not found`);
    }
    return matched.map((name) => ({ name, component_template: this.components.get(name) as ComponentTemplate }));
  }

  deleteComponentTemplates(pattern: string): void {
    const names = [...this.components.keys()].filter((n) => pattern.split(',').some((p) => simpleMatch(p, n)));
    if (names.length === 0) throw new EsError(404, 'resource_not_found_exception', `${pattern}`);
    const users = [...this.templates.entries()].filter(([, t]) => (t.composed_of ?? []).some((c) => names.includes(c)));
    if (users.length > 0) {
      throw illegalArgument(
        `component templates [${names.join(', ')}] cannot be removed as they are still in use by index templates [${users.map(([n]) => n).join(', ')}]`,
      );
    }
    for (const name of names) this.applyAndLog({ op: 'delete_component', name });
  }

  /** `_index_template/_simulate_index/{name}`: what creating `name` now would produce. */
  simulateIndex(name: string): Record<string, unknown> {
    const match = findMatchingTemplate(name, this.templates, false);
    const overlapping = [...this.templates.entries()]
      .filter(([n, t]) => n !== match?.name && t.index_patterns.some((p) => simpleMatch(p, name)))
      .map(([n, t]) => ({ name: n, index_patterns: t.index_patterns }));
    if (!match) return {};
    const composed = composeTemplate(match.template, this.components);
    const raw: RawSettings = {};
    for (const [k, v] of Object.entries(composed.settings ?? {})) if (typeof v === 'string') raw[k] = v;
    return { template: { settings: raw, mappings: composed.mappings ?? {}, aliases: composed.aliases ?? {} }, overlapping };
  }

  // ---------------------------------------------------------------- cluster settings

  get clusterSettings(): { persistent: Record<string, string>; transient: Record<string, string> } {
    return { persistent: { ...this.clusterSettingsValue }, transient: { ...this.transientSettings } };
  }

  putClusterSettings(persistent: Record<string, string | null>, transient: Record<string, string | null>): void {
    const next = { ...this.clusterSettingsValue };
    for (const [k, v] of Object.entries(persistent)) {
      if (v === null) delete next[k];
      else next[k] = v;
    }
    for (const [k, v] of Object.entries(transient)) {
      if (v === null) delete this.transientSettings[k];
      else this.transientSettings[k] = v;
    }
    if (JSON.stringify(next) !== JSON.stringify(this.clusterSettingsValue)) {
      this.applyAndLog({ op: 'cluster_settings', persistent: next });
    }
  }

  // ---------------------------------------------------------------- documents

  /** The index a write to `target` goes to; `undefined` when it does not exist (auto-create). */
  resolveWriteIndex(requested: string, requireAlias: boolean): IndexState | undefined {
    const target = resolveDateMathName(requested, Date.now());
    const notAlias = (): EsError =>
      new EsError(
        404,
        'index_not_found_exception',
        `no such index [${target}] and [require_alias] request flag is [true] and [${target}] is not an alias`,
        { 'resource.type': 'index_expression', 'resource.id': target, index_uuid: '_na_', index: target },
      );
    const direct = this.indices.get(target);
    if (direct) {
      if (requireAlias) throw notAlias();
      return direct;
    }
    const members = this.aliasIndices(target);
    if (members.length === 0) {
      if (requireAlias) throw notAlias();
      return undefined;
    }
    const explicit = members.filter((i) => this.indices.get(i)?.aliases.get(target)?.is_write_index === true);
    if (explicit.length === 1) return this.mustGet(explicit[0]);
    if (members.length === 1 && this.indices.get(members[0])?.aliases.get(target)?.is_write_index !== false) {
      return this.mustGet(members[0]);
    }
    throw illegalArgument(
      `no write index is defined for alias [${target}]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index`,
    );
  }

  /** Write target, auto-creating a missing index (spec §2 auto-create). */
  writeIndex(target: string, requireAlias: boolean): IndexState {
    return this.resolveWriteIndex(target, requireAlias) ?? this.createIndex(target, {});
  }

  /** Single-document reads: an index, or an alias with exactly one index. */
  readIndex(requested: string): IndexState {
    const target = resolveDateMathName(requested, Date.now());
    const direct = this.indices.get(target);
    if (direct) return direct;
    const members = this.aliasIndices(target);
    if (members.length === 0) throw indexNotFound(target);
    if (members.length > 1) {
      throw illegalArgument(
        `alias [${target}] has more than one index associated with it [${members.join(', ')}], can't execute a single index op`,
      );
    }
    return this.mustGet(members[0]);
  }

  indexDoc(state: IndexState, id: string, source: string, params: DocWriteParams): WriteOutcome {
    this.assertCurrent(state);
    const outcome = state.shard.indexDoc(id, source, {
      opType: params.opType,
      ifSeqNo: params.ifSeqNo,
      ifPrimaryTerm: params.ifPrimaryTerm,
      routing: params.routing,
    });
    state.dirty = true;
    this.log({ op: 'index', index: state.name, id: outcome.id, source, routing: params.routing, seq_no: outcome.seqNo, version: outcome.version });
    return outcome;
  }

  deleteDoc(state: IndexState, id: string, params: DocWriteParams): WriteOutcome {
    this.assertCurrent(state);
    const outcome = state.shard.deleteDoc(id, {
      ifSeqNo: params.ifSeqNo,
      ifPrimaryTerm: params.ifPrimaryTerm,
      routing: params.routing,
    });
    state.dirty = true;
    this.log({ op: 'delete', index: state.name, id, routing: params.routing, seq_no: outcome.seqNo, version: outcome.version });
    return outcome;
  }

  updateDoc(state: IndexState, id: string, request: UpdateRequest, params: DocWriteParams): WriteOutcome & { source: string } {
    this.assertCurrent(state);
    const outcome = state.shard.updateDoc(id, request, {
      ifSeqNo: params.ifSeqNo,
      ifPrimaryTerm: params.ifPrimaryTerm,
      routing: params.routing,
    });
    if (outcome.result !== 'noop') {
      state.dirty = true;
      // The shard keeps the existing routing when the request gives none: log what the document has.
      const current = state.shard.getDoc(id, true);
      const routing = current.found ? current.routing : params.routing;
      this.log({ op: 'index', index: state.name, id, source: outcome.source, routing, seq_no: outcome.seqNo, version: outcome.version });
    }
    return outcome;
  }

  /** A state held across an await may belong to a since-deleted index: never log writes for it. */
  private assertCurrent(state: IndexState): void {
    if (this.indices.get(state.name) !== state) throw indexNotFound(state.name);
  }

  getDoc(state: IndexState, id: string, realtime: boolean): GetResult {
    return state.shard.getDoc(id, realtime);
  }

  allIndices(): IndexState[] {
    return this.indexNames().map((n) => this.mustGet(n));
  }
}

/** Document sources go to the log verbatim (a `TextRecord`), not as escaped JSON strings. */
function toLogEntry(record: LogRecord): LogRecord | TextRecord {
  if (record.op !== 'index') return record;
  const header: Record<string, unknown> = { op: record.op, index: record.index, id: record.id };
  if (record.routing !== undefined) header.routing = record.routing;
  header.seq_no = record.seq_no;
  header.version = record.version;
  return new TextRecord(header, record.source);
}

/** A recovered log entry as a `LogRecord`: logs written before `TextRecord`s hold `index` records as plain JSON. */
function fromLogEntry(entry: unknown): LogRecord {
  if (!(entry instanceof TextRecord)) return entry as LogRecord;
  if (entry.header.op !== 'index') throw new Error(`write-ahead log holds a text record for [${String(entry.header.op)}]; refusing to start`);
  return { ...entry.header, source: entry.text } as LogRecord;
}

/** Template settings are stored as ES shows them: validated, string-valued, nested under `index`. */
function normalizeTemplateBody(body: TemplateBody): TemplateBody {
  const out: TemplateBody = { ...body };
  if (body.settings) {
    const flat: RawSettings = {};
    for (const [k, v] of Object.entries(validateSettings(flattenSettings(body.settings)))) if (v !== null) flat[k] = v;
    out.settings = nestSettings(flat);
  }
  if (body.aliases) {
    const aliases: Record<string, AliasDefinition> = {};
    for (const [k, v] of Object.entries(body.aliases)) aliases[k] = normalizeAliasDefinition(v);
    out.aliases = aliases;
  }
  return out;
}

export function normalizeAliasDefinition(def: unknown): AliasDefinition {
  if (!isObject(def)) return {};
  const out: AliasDefinition = {};
  for (const [k, v] of Object.entries(def)) {
    switch (k) {
      case 'filter':
        if (!isObject(v)) throw illegalArgument('failed to parse filter for alias');
        out.filter = v;
        break;
      case 'is_write_index':
        out.is_write_index = v === true || v === 'true';
        break;
      case 'is_hidden':
        out.is_hidden = v === true || v === 'true';
        break;
      case 'routing':
        out.index_routing = String(v);
        out.search_routing = String(v);
        break;
      case 'index_routing':
      case 'indexRouting':
        out.index_routing = String(v);
        break;
      case 'search_routing':
      case 'searchRouting':
        out.search_routing = String(v);
        break;
      default:
        throw new EsError(400, 'x_content_parse_exception', `[alias] unknown field [${k}]`);
    }
  }
  return out;
}
