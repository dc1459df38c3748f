import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { parseCliArgs } from './cli_args';
import { collectLeaves, ConfigMergeError, mergeDocuments, normalizePath, setPath, substituteEnv } from './raw_config';
import type { ConfigTree } from './raw_config';
import { cliPathKey } from './validate';
import type { CliRawValues } from './validate';

export interface RawConfig {
  tree: ConfigTree;
  cliRaw: CliRawValues;
  /** Files actually read, in order. */
  files: string[];
}

export interface LoadRawConfigOptions {
  /** Default config file used when the command line names none (`config/kibana.yml`). */
  defaultConfigFile?: string;
  argv?: readonly string[];
  /** Extra settings applied after the command line (nested or dotted keys), e.g. from tests. */
  overrides?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}

export function parseYamlConfig(text: string, file: string): unknown {
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigMergeError(`Cannot parse ${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  return doc.toJS();
}

export function loadRawConfig(options: LoadRawConfigOptions): RawConfig {
  const env = options.env ?? process.env;
  const cli = parseCliArgs(options.argv ?? []);
  const files =
    cli.configFiles.length > 0
      ? cli.configFiles.map((f) => path.resolve(f))
      : options.defaultConfigFile && fs.existsSync(options.defaultConfigFile)
        ? [options.defaultConfigFile]
        : [];
  const documents = files.map((file) => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigMergeError(`Cannot read config file ${file}: ${(error as Error).message}`);
    }
    return substituteEnv(parseYamlConfig(text, file), env);
  });
  const tree = mergeDocuments(documents);

  const grouped = new Map<string, { path: string[]; values: unknown[]; raws: string[] }>();
  for (const override of cli.overrides) {
    const p = normalizePath([override.key]);
    const key = cliPathKey(p);
    const entry = grouped.get(key) ?? { path: p, values: [], raws: [] };
    entry.values.push(override.value);
    entry.raws.push(override.raw);
    grouped.set(key, entry);
  }
  const cliRaw = new Map<string, string[]>();
  for (const [key, entry] of grouped) {
    setPath(tree, entry.path, entry.values.length === 1 ? entry.values[0] : entry.values);
    cliRaw.set(key, entry.raws);
  }
  if (options.overrides) {
    for (const leaf of collectLeaves(options.overrides)) setPath(tree, leaf.path, leaf.value);
  }
  return { tree, cliRaw, files };
}
