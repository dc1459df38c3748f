/** Shared helpers for the engine's own tests: EsError capture, test index settings and shards, the REST harness. */
export { asyncErrorOf, errorOf } from './es_error';
export { testIndexSettings } from './index_settings';
export { indexFixture, newShard, type FixtureOptions } from './index_fixture';
export { quietLogger, rawRequest, startHarness, tempDataPath, type Harness, type RawResponse } from './rest_harness';
export { fieldOf } from './shard_fields';
export { prng } from './prng';
