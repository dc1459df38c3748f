/**
 * Child process for the crash harness: runs the embedded engine on a data dir and prints
 * `READY <url>` once it serves. The parent SIGKILLs it at random moments.
 *
 *   node --import tsx engine_child.ts <dataPath> [flushThresholdBytes]
 */
import { startEmbeddedElasticsearch } from '../../platform/elasticsearch/index';

async function main(): Promise<void> {
  const dataPath = process.argv[2];
  if (dataPath === undefined) throw new Error('usage: engine_child.ts <dataPath> [flushThresholdBytes]');
  const threshold = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  const quiet = {
    info: () => {},
    warn: (m: string, meta?: object) => process.stderr.write(`warn: ${m} ${JSON.stringify(meta ?? {})}\n`),
    error: (m: string, meta?: object) => process.stderr.write(`error: ${m} ${JSON.stringify(meta ?? {})}\n`),
  };
  const engine = await startEmbeddedElasticsearch({ port: 0, host: '127.0.0.1', dataPath, logger: quiet, flushThresholdBytes: threshold });
  process.stdout.write(`READY ${engine.url}\n`);
  process.on('SIGTERM', () => {
    engine.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`engine child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(3);
});
