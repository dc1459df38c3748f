export { EsNode, normalizeAliasDefinition } from './es_node';
export type { IndexState, DocWriteParams, CreateIndexBody, AliasAction, AliasActionResult, EsNodeOptions } from './es_node';
export { validateIndexName, validateAliasName } from './index_names';
export { resolveDateMathName } from './date_math_names';
export {
  flattenSettings,
  validateSettings,
  toIndexSettings,
  nestSettings,
  effectiveReplicas,
  parseTimeValue,
  SETTING_DEFAULTS,
  type RawSettings,
} from './index_settings';
export {
  resolveTargets,
  resolveForDelete,
  parseExpandWildcards,
  splitExpression,
  SEARCH_DEFAULT_OPTIONS,
  type IndicesOptions,
  type ExpandWildcards,
  type ResolvedIndex,
  type TargetCatalog,
} from './resolve_targets';
export {
  parseIndexTemplate,
  parseComponentTemplate,
  findMatchingTemplate,
  composeTemplate,
  checkOverlap,
  mergeMappings,
  type IndexTemplate,
  type ComponentTemplate,
  type AliasDefinition,
  type TemplateBody,
} from './templates';
export { simpleMatch, patternsOverlap, isWildcard } from './wildcard';
export type { LogRecord, SnapshotLine } from './log_records';
