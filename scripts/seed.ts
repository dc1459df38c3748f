/**
 * `npm run seed -- --alerts N --seed S --space ID [--es URL] [--username U --password P] [--now ISO] [--manifest PATH]`
 * Seeds the labelled sample corpus into `.alerts-security.alerts-<space>` and writes the ground-truth manifest
 * next to it (default `target/sample_data/ground_truth.<space>.json`).
 */
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { seedSampleData, writeManifest } from './sample_data';

export interface SeedCliArgs {
  alerts: number;
  seed: string;
  space: string;
  es: string;
  username?: string;
  password?: string;
  now?: string;
  manifest: string;
}

export function parseSeedArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): SeedCliArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    if (eq > 0) values.set(arg.slice(2, eq), arg.slice(eq + 1));
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`Missing value for ${arg}`);
      values.set(arg.slice(2), next);
      i++;
    }
  }
  const known = new Set(['alerts', 'seed', 'space', 'es', 'username', 'password', 'now', 'manifest']);
  for (const key of values.keys()) if (!known.has(key)) throw new Error(`Unknown option --${key} (known: ${[...known].map((k) => `--${k}`).join(', ')})`);
  const alerts = Number(values.get('alerts') ?? '5000');
  if (!Number.isInteger(alerts) || alerts < 1) throw new Error(`--alerts must be a positive integer, got "${values.get('alerts')}"`);
  const space = values.get('space') ?? 'default';
  if (!/^[a-z0-9_-]+$/.test(space)) throw new Error(`--space must match [a-z0-9_-]+, got "${space}"`);
  return {
    alerts,
    seed: values.get('seed') ?? '1',
    space,
    es: values.get('es') ?? env.ELASTICSEARCH_HOSTS ?? 'http://127.0.0.1:9200',
    username: values.get('username') ?? env.ELASTICSEARCH_USERNAME,
    password: values.get('password') ?? env.ELASTICSEARCH_PASSWORD,
    now: values.get('now'),
    manifest: values.get('manifest') ?? path.join('target', 'sample_data', `ground_truth.${space}.json`),
  };
}

/** `[#########-----------]  45%  450,000/1,000,000  12,345 alerts/s` */
export function renderProgressBar(done: number, total: number, elapsedMs: number, width = 30): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  const rate = elapsedMs > 0 ? Math.round((done / elapsedMs) * 1000) : 0;
  const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}  ${rate.toLocaleString('en-US')} alerts/s`;
}

/** Numeric seeds stay numbers so `--seed 42` and `seed: 42` in code give the same corpus. */
function seedValue(seed: string): number | string {
  return /^\d+$/.test(seed) && Number(seed) <= 0xffffffff ? Number(seed) : seed;
}

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  const esClient = new Client({
    node: args.es,
    ...(args.username && args.password ? { auth: { username: args.username, password: args.password } } : {}),
  });
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;
  const result = await seedSampleData({
    esClient,
    spaceId: args.space,
    count: args.alerts,
    seed: seedValue(args.seed),
    now: args.now ?? Date.now(),
    onProgress: ({ indexed, total }) => {
      const line = renderProgressBar(indexed, total, Date.now() - started);
      if (tty) process.stderr.write(`\r${line}`);
      else if (indexed === total || Date.now() - lastPrinted > 2000) {
        process.stderr.write(`${line}\n`);
        lastPrinted = Date.now();
      }
    },
  });
  if (tty) process.stderr.write('\n');
  const manifestPath = writeManifest(path.resolve(args.manifest), result.manifest);
  process.stdout.write(`Seeded ${result.indexed} alerts into .alerts-security.alerts-${args.space} in ${(result.ms / 1000).toFixed(1)} s; ground truth: ${manifestPath}\n`);
  await esClient.close();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`\nSeeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
