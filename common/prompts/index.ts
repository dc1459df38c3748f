export {
  ALERT_TRIAGE_SYSTEM_PROMPT_ID,
  BASE_SYSTEM_PROMPT,
  BUILT_IN_SYSTEM_PROMPTS,
  DEFAULT_SYSTEM_PROMPT_ID,
  ENHANCED_SYSTEM_PROMPT_ID,
  PROMPTED_TOOLS_ADDENDUM,
  TITLE_SYSTEM_PROMPT,
  isBuiltInSystemPromptId,
  timeAndLanguageLine,
  type BuiltInSystemPrompt,
} from './system_prompts';
export { BUILT_IN_QUICK_PROMPTS, isBuiltInQuickPromptId, type BuiltInQuickPrompt } from './quick_prompts';

/** Whether an id names a built-in (read-only) prompt. */
export { isBuiltInPromptId } from './built_in';
