/**
 * `npm run es -- --port 9200 --path.data DIR [--host 127.0.0.1] [--version 9.0.0] [--repair]`
 * (`--repair` starts despite a corrupted write-ahead log, discarding it from the corruption on.)
 * Runs the embedded engine in the foreground; SIGINT/SIGTERM flush and stop it.
 */
import * as path from 'node:path';
import { startEmbeddedElasticsearch } from './index';

function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument [${arg}]`);
    if (arg === '--repair') {
      out.set('repair', 'true');
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      out.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`missing value for [${arg}]`);
      out.set(arg.slice(2), value);
      i++;
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  for (const key of args.keys()) {
    if (!['port', 'path.data', 'host', 'version', 'repair'].includes(key)) throw new Error(`unknown option [--${key}]`);
  }
  const port = Number(args.get('port') ?? '9200');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port [${args.get('port')}]`);
  const dataPath = path.resolve(args.get('path.data') ?? 'data/elasticsearch');
  const es = await startEmbeddedElasticsearch({
    port,
    dataPath,
    host: args.get('host'),
    version: args.get('version'),
    repair: args.get('repair') === 'true',
  });
  process.stdout.write(`Embedded Elasticsearch listening on ${es.url} (data: ${dataPath})\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    es.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`failed to stop cleanly: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
