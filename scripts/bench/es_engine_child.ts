/** The engine process for the benchmark: `node bundle.js <dataPath>` prints `READY <url>`; SIGTERM stops it cleanly. */
import { startEmbeddedElasticsearch } from '../../platform/elasticsearch/index';

async function main(): Promise<void> {
  const dataPath = process.argv[2];
  if (dataPath === undefined) throw new Error('usage: es_engine_child <dataPath>');
  const quiet = { info: () => {}, warn: (m: string) => process.stderr.write(`warn: ${m}\n`), error: (m: string) => process.stderr.write(`error: ${m}\n`) };
  const engine = await startEmbeddedElasticsearch({ port: 0, host: '127.0.0.1', dataPath, logger: quiet });
  process.stdout.write(`READY ${engine.url}\n`);
  process.on('SIGTERM', () => {
    engine.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench engine failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(3);
});
