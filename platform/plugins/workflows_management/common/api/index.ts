export * from './query_params';
export * from './workflows';
export * from './executions';
export * from './alerts';
export * from './connectors';
export * from './validation';
