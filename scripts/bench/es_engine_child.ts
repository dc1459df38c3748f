/**
 * The engine process for the benchmark: `node bundle.js <dataPath>` prints `READY <url>`; SIGTERM stops it cleanly.
 * It is the very child the crash harness runs (test/durability/engine_child.ts), so both measure the same process.
 */
import '../../test/durability/engine_child';
