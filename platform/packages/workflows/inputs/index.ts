export { applyInputDefaults, validateRunInputs, type RunInputsResult } from './run_inputs';
