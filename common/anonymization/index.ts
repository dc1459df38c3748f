export type { FieldDisposition, FieldRule, FlatDocument, ReplacementEntry, Replacements } from './types';
export {
  BALANCED_FIELD_RULES,
  STRICT_FIELD_RULES,
  expandBraces,
  getDefaultFieldRules,
  type AnonymizationPreset,
} from './default_fields';
export { createFieldPolicy, findLooseningOverrides, type FieldPolicy } from './field_policy';
export { flattenDocument } from './flatten';
export { TOKEN_LENGTH, UUID_V4_PATTERN, isToken, randomToken, valueKey, type TokenGenerator } from './tokens';
export {
  MAX_REPLACEMENTS,
  MAX_REPLACEMENT_VALUE_LENGTH,
  createReplacementsStore,
  type ReplacementsStore,
  type ReplacementsStoreOptions,
} from './replacements_store';
export {
  DEFAULT_MIN_FREE_TEXT_LENGTH,
  REDACTED,
  createScrubber,
  findLeaks,
  isScrubbableInFreeText,
  type ScrubTargets,
  type Scrubber,
} from './scrub';
export {
  compareFieldPriority,
  csvEscape,
  escapeContextClose,
  serializeContext,
  truncateValue,
  type SerializeContextInput,
  type SerializeLimits,
  type SerializedContext,
} from './serialize';
export { createConversationScrubber, guardOutbound, scrubJsonText, scrubJsonValue, type GuardOptions, type GuardableMessage } from './guard';
export { TOKEN_IN_TEXT, deanonymize, findTokens, lookupToken, stripThinking } from './deanonymize';
export {
  createStreamDeanonymizer,
  createThinkStripper,
  type StreamDeanonymizer,
  type StreamDeanonymizerOptions,
  type TextStreamFilter,
} from './stream_deanonymizer';
