import { parseAllDocuments } from 'yaml';
import { isRecord } from './object_path';

/** One step of a YAML test: `{do: ...}`, `{match: ...}`, `{skip: ...}`, ... */
export interface Step {
  kind: string;
  value: unknown;
}

export interface TestCase {
  name: string;
  steps: Step[];
}

export interface TestFile {
  /** Path relative to the tests root, e.g. `mget/10_basic.yml`. */
  file: string;
  /** The API area: the first directory, e.g. `mget`, `indices.create`. */
  area: string;
  setup: Step[];
  teardown: Step[];
  tests: TestCase[];
}

function toSteps(where: string, value: unknown): Step[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list of steps`);
  return value.map((raw, i) => {
    if (!isRecord(raw) || Object.keys(raw).length !== 1) throw new Error(`${where}: step ${i + 1} must be a map with one key`);
    const [kind, stepValue] = Object.entries(raw)[0];
    return { kind, value: stepValue };
  });
}

/** Parses a YAML REST test file: one document per test, plus optional `setup` and `teardown` documents. */
export function parseTestFile(file: string, source: string): TestFile {
  const parsed: TestFile = { file, area: file.split('/')[0] ?? file, setup: [], teardown: [], tests: [] };
  for (const document of parseAllDocuments(source)) {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
    const content: unknown = document.toJS({ maxAliasCount: -1 });
    if (content === null || content === undefined) continue;
    if (!isRecord(content)) throw new Error(`${file}: each document must be a map`);
    for (const [name, steps] of Object.entries(content)) {
      if (name === 'setup') parsed.setup.push(...toSteps(`${file} setup`, steps));
      else if (name === 'teardown') parsed.teardown.push(...toSteps(`${file} teardown`, steps));
      else parsed.tests.push({ name, steps: toSteps(`${file} [${name}]`, steps) });
    }
  }
  return parsed;
}
