/** `_cat/indices`: text table or `format=json`, with `h`, `s`, `bytes`, `v`, `health`, `pri`. */
import { illegalArgument } from '../../errors';
import type { IndicesOptions } from '../../node';
import type { RestRequest, RestResponse } from '../types';

const COLUMNS: Array<{ name: string; aliases: string[]; numeric: boolean; byDefault: boolean }> = [
  { name: 'health', aliases: ['h'], numeric: false, byDefault: true },
  { name: 'status', aliases: ['s'], numeric: false, byDefault: true },
  { name: 'index', aliases: ['i', 'idx'], numeric: false, byDefault: true },
  { name: 'uuid', aliases: ['id', 'uuid'], numeric: false, byDefault: true },
  { name: 'pri', aliases: ['p', 'shards.primary', 'shardsPrimary'], numeric: true, byDefault: true },
  { name: 'rep', aliases: ['r', 'shards.replica', 'shardsReplica'], numeric: true, byDefault: true },
  { name: 'docs.count', aliases: ['dc', 'docsCount'], numeric: true, byDefault: true },
  { name: 'docs.deleted', aliases: ['dd', 'docsDeleted'], numeric: true, byDefault: true },
  { name: 'creation.date', aliases: ['cd'], numeric: true, byDefault: false },
  { name: 'creation.date.string', aliases: ['cds'], numeric: false, byDefault: false },
  { name: 'store.size', aliases: ['ss', 'storeSize'], numeric: true, byDefault: true },
  { name: 'pri.store.size', aliases: [], numeric: true, byDefault: true },
  { name: 'dataset.size', aliases: [], numeric: true, byDefault: true },
];

const DEFAULTS: IndicesOptions = { ignoreUnavailable: false, allowNoIndices: true, expandWildcards: { open: true, closed: true, hidden: false } };

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };

function formatBytes(bytes: number, unit: string | undefined): string {
  if (unit !== undefined) {
    const div = UNITS[unit];
    if (div === undefined) throw illegalArgument(`failed to parse [bytes] value [${unit}]`);
    return String(Math.floor(bytes / div));
  }
  // ES human form: the largest unit with a value >= 1, one decimal, trailing ".0" dropped.
  const order = ['pb', 'tb', 'gb', 'mb', 'kb'];
  for (const u of order) {
    if (bytes >= UNITS[u]) {
      const v = Math.round((bytes / UNITS[u]) * 10) / 10;
      return `${v}${u}`;
    }
  }
  return `${bytes}b`;
}

function resolveColumn(name: string): string {
  const col = COLUMNS.find((c) => c.name === name || c.aliases.includes(name));
  if (!col) throw illegalArgument(`header [${name}] does not exist`);
  return col.name;
}

export function catIndices(req: RestRequest): RestResponse {
  const options = req.params.indicesOptions(DEFAULTS);
  const resolved = req.node.resolve(req.pathParams.index, options);
  const bytesUnit = req.params.get('bytes');
  const healthFilter = req.params.get('health');
  const rows: Array<Record<string, string>> = [];
  for (const r of resolved) {
    const state = req.node.getIndex(r.index);
    if (!state) continue;
    const settings = state.shard.settings;
    const health = settings.numberOfReplicas > 0 ? 'yellow' : 'green';
    if (healthFilter !== undefined && healthFilter !== health) continue;
    const stats = state.shard.stats();
    // Counts come from the searchable view (spec §12); reading them counts as a search for search-idle.
    req.node.prepareSearch(state);
    const view = state.shard.searchView();
    const created = Number(state.raw['index.creation_date'] ?? '0');
    rows.push({
      health,
      status: 'open',
      index: state.name,
      uuid: state.uuid,
      pri: String(settings.numberOfShards),
      rep: String(settings.numberOfReplicas),
      'docs.count': String(view.numDocs),
      'docs.deleted': String(stats.docsDeleted),
      'creation.date': String(created),
      'creation.date.string': new Date(created).toISOString(),
      'store.size': formatBytes(stats.storeSizeBytes, bytesUnit),
      'pri.store.size': formatBytes(stats.storeSizeBytes, bytesUnit),
      'dataset.size': formatBytes(stats.storeSizeBytes, bytesUnit),
    });
  }
  const h = req.params.list('h');
  const columns = h ? h.flatMap((c) => (c.includes('*') ? COLUMNS.filter((x) => new RegExp(`^${c.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(x.name)).map((x) => x.name) : [resolveColumn(c)])) : COLUMNS.filter((c) => c.byDefault).map((c) => c.name);
  const sort = req.params.list('s');
  if (sort) {
    const keys = sort.map((s) => {
      const [col, dir] = s.split(':');
      return { col: resolveColumn(col), desc: dir === 'desc' };
    });
    rows.sort((a, b) => {
      for (const k of keys) {
        const numeric = COLUMNS.find((c) => c.name === k.col)?.numeric;
        const av = a[k.col];
        const bv = b[k.col];
        const cmp = numeric && !Number.isNaN(Number(av)) ? Number(av) - Number(bv) : av < bv ? -1 : av > bv ? 1 : 0;
        if (cmp !== 0) return k.desc ? -cmp : cmp;
      }
      return 0;
    });
  }
  const projected = rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])));
  const format = req.params.get('format') ?? 'text';
  if (format === 'json') return { status: 200, body: projected };
  if (format !== 'text' && format !== 'txt') throw illegalArgument(`format [${format}] is not supported`);
  const verbose = req.params.bool('v', false);
  const table: string[][] = projected.map((r) => columns.map((c) => r[c] ?? ''));
  if (verbose) table.unshift(columns);
  const widths = columns.map((_, i) => Math.max(0, ...table.map((r) => r[i].length)));
  const text = table
    .map((r) => r.map((cell, i) => {
      const numeric = COLUMNS.find((c) => c.name === columns[i])?.numeric && !(verbose && r === table[0]);
      return numeric ? cell.padStart(widths[i]) : cell.padEnd(widths[i]);
    }).join(' ').trimEnd())
    .join('\n');
  return { status: 200, body: text.length > 0 ? `${text}\n` : '' };
}
