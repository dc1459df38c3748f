import type { TestResult, TestStatus } from './executor';

export interface FileResult {
  file: string;
  area: string;
  tests: TestResult[];
  /** Set when the file could not be parsed or run at all. */
  error?: string;
}

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** pass / (pass + fail); null when nothing ran. */
  score: number | null;
}

export interface GateResult {
  name: string;
  areas: string[];
  required: number;
  score: number | null;
  ok: boolean;
  note?: string;
}

/** Areas that must be at 100% (spec §15), grouped as the gates are named. */
export const STRICT_GATES: Readonly<Record<string, readonly string[]>> = {
  crud: ['index', 'create', 'get', 'exists', 'delete', 'update'],
  get: ['get'],
  index: ['index'],
  create: ['create'],
  delete: ['delete'],
  update: ['update'],
  bulk: ['bulk'],
  mget: ['mget'],
  aliases: ['indices.update_aliases', 'indices.put_alias', 'indices.get_alias', 'indices.exists_alias', 'indices.delete_alias'],
};
export const OVERALL_REQUIRED = 0.9;

export function tally(statuses: readonly TestStatus[]): Tally {
  const passed = statuses.filter((s) => s === 'passed').length;
  const failed = statuses.filter((s) => s === 'failed').length;
  const skipped = statuses.filter((s) => s === 'skipped').length;
  return { passed, failed, skipped, score: passed + failed === 0 ? null : passed / (passed + failed) };
}

function statusesOf(files: readonly FileResult[], areas?: readonly string[]): TestStatus[] {
  return files.filter((f) => areas === undefined || areas.includes(f.area)).flatMap((f) => f.tests.map((t) => t.status));
}

export function areaTallies(files: readonly FileResult[]): Record<string, Tally> {
  const areas = [...new Set(files.map((f) => f.area))].sort();
  return Object.fromEntries(areas.map((area) => [area, tally(statusesOf(files, [area]))]));
}

/** Gate evaluation: strict areas at 100% (vacuously met when none of their tests ran), overall >= 90%. */
export function evaluateGates(files: readonly FileResult[]): GateResult[] {
  const gates: GateResult[] = Object.entries(STRICT_GATES).map(([name, areas]) => {
    const { score } = tally(statusesOf(files, areas));
    return { name, areas: [...areas], required: 1, score, ok: score === null || score === 1, note: score === null ? 'no tests ran' : undefined };
  });
  const overall = tally(statusesOf(files)).score;
  gates.push({
    name: 'overall',
    areas: ['*'],
    required: OVERALL_REQUIRED,
    score: overall,
    ok: overall !== null && overall >= OVERALL_REQUIRED,
    note: overall === null ? 'no tests ran' : undefined,
  });
  return gates;
}

export interface Report {
  generated_at: string;
  target: string;
  tests_root: string;
  api_specs: 'official' | 'builtin-routing-table';
  totals: Tally;
  areas: Record<string, Tally>;
  gates: GateResult[];
  missing_expected_files: string[];
  files: FileResult[];
}

export function buildReport(init: Omit<Report, 'generated_at' | 'totals' | 'areas' | 'gates'>): Report {
  return {
    generated_at: new Date().toISOString(),
    ...init,
    totals: tally(statusesOf(init.files)),
    areas: areaTallies(init.files),
    gates: evaluateGates(init.files),
  };
}

export function percent(score: number | null): string {
  return score === null ? 'n/a' : `${(score * 100).toFixed(1)}%`;
}
