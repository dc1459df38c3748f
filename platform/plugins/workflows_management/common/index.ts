export * from './constants';
export * from './api';
export * from './types';
export { DEFAULT_WORKFLOW_YAML } from './default_workflow_yaml';
