import { Liquid, type FS } from 'liquidjs';
import type { WorkflowSettings } from '../definition';
import { entriesFilter, jsonParseFilter, pickFilter } from './filters';

/** Liquid limits (workflow-engine §3.1); `settings.liquid` may raise them up to the maxima. */
export const DEFAULT_LIQUID_LIMITS = { parseLimit: 150_000, renderLimit: 1000, memoryLimit: 15_000_000 } as const;
export const MAX_LIQUID_LIMITS = { parseLimit: 600_000, renderLimit: 2000, memoryLimit: 60_000_000 } as const;

/** Every other LiquidJS tag is removed from the engine. */
export const ALLOWED_LIQUID_TAGS = [
  'assign',
  'capture',
  'case',
  'comment',
  'cycle',
  'decrement',
  'echo',
  'for',
  'if',
  'increment',
  'liquid',
  'raw',
  'unless',
  'break',
  'continue',
  '#',
] as const;

const FILE_READ_MESSAGE = 'File reading is not supported in workflow templates';

/** Templates never touch a file system, even if a tag slipped through. */
const noFileSystem: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => {
    throw new Error(FILE_READ_MESSAGE);
  },
  readFileSync: () => {
    throw new Error(FILE_READ_MESSAGE);
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
  sep: '/',
  dirname: () => '',
};

export type WorkflowLiquidOptions = NonNullable<WorkflowSettings['liquid']> & { timezone?: string };

const clampLimit = (value: number | undefined, fallback: number, max: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;

/** The single Liquid factory used by the runner, the validator and the editor (workflow-engine §3.1). */
export function createWorkflowLiquid(options: WorkflowLiquidOptions = {}): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    timezoneOffset: options.timezone ?? 0,
    relativeReference: false,
    fs: noFileSystem,
    root: [],
    partials: [],
    layouts: [],
    parseLimit: clampLimit(options.parseLimit, DEFAULT_LIQUID_LIMITS.parseLimit, MAX_LIQUID_LIMITS.parseLimit),
    renderLimit: clampLimit(options.renderLimit, DEFAULT_LIQUID_LIMITS.renderLimit, MAX_LIQUID_LIMITS.renderLimit),
    memoryLimit: clampLimit(options.memoryLimit, DEFAULT_LIQUID_LIMITS.memoryLimit, MAX_LIQUID_LIMITS.memoryLimit),
  });
  const allowed = new Set<string>(ALLOWED_LIQUID_TAGS);
  for (const tag of Object.keys(liquid.tags)) {
    if (!allowed.has(tag)) delete liquid.tags[tag];
  }
  liquid.registerFilter('json_parse', jsonParseFilter);
  liquid.registerFilter('entries', entriesFilter);
  liquid.registerFilter('pick', pickFilter);
  return liquid;
}
