/**
 * Kibana-style command line: `--server.port=5602`, `--server.port 5602`, bare `--flag` (= true),
 * `-c FILE` / `--config FILE`. Repeating a key builds an array (`--elasticsearch.hosts=a --elasticsearch.hosts=b`).
 */

export interface CliOverride {
  key: string;
  /** Scalar parsed like YAML (`true`, `5602`, `null`, JSON arrays/objects); strings otherwise. */
  value: unknown;
  /** The text as written, used when the schema wants a string (`--security.bootstrapPassword=123456`). */
  raw: string;
}

export interface ParsedCliArgs {
  configFiles: string[];
  overrides: CliOverride[];
}

export class CliArgsError extends Error {
  override readonly name = 'CliArgsError';
}

export function parseCliValue(raw: string): unknown {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(raw)) return Number(raw);
  if ((raw.startsWith('[') && raw.endsWith(']')) || (raw.startsWith('{') && raw.endsWith('}'))) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

export function parseCliArgs(argv: readonly string[]): ParsedCliArgs {
  const configFiles: string[] = [];
  const overrides: CliOverride[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (arg === '-c' || arg === '--config') {
      const file = argv[i + 1];
      if (file === undefined || file.startsWith('-')) throw new CliArgsError(`${arg} requires a file path`);
      configFiles.push(file);
      i++;
      continue;
    }
    if (!arg.startsWith('--')) throw new CliArgsError(`Unexpected argument [${arg}]; settings are written --key=value`);
    const body = arg.slice(2);
    const eq = body.indexOf('=');
    let key: string;
    let raw: string;
    if (eq >= 0) {
      key = body.slice(0, eq);
      raw = body.slice(eq + 1);
    } else {
      key = body;
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        raw = next;
        i++;
      } else {
        raw = 'true';
      }
    }
    if (key === 'config') {
      configFiles.push(raw);
      continue;
    }
    if (!/^[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+)*$/.test(key)) throw new CliArgsError(`Invalid setting name [${key}]`);
    overrides.push({ key, value: parseCliValue(raw), raw });
  }
  return { configFiles, overrides };
}
