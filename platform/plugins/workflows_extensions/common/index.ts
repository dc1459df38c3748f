export * from './step_definition';
