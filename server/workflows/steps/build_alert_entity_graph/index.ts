export { buildAlertEntityGraphHandler, buildAlertEntityGraphStepDefinition } from './handler';
export { buildEntityGraph, fetchSeed } from './graph_builder';
export type { GraphBuildParams } from './graph_builder';
export { buildEntityGraphSequentially } from './reference_builder';
export { prepareGraphConfig, labelOf } from './config';
export type { PreparedGraphConfig, GraphLimits, AliasTarget } from './config';
export { SeedTimestampError } from './traversal';
