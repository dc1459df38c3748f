import { isBuiltInQuickPromptId } from './quick_prompts';
import { isBuiltInSystemPromptId } from './system_prompts';

export const isBuiltInPromptId = (id: string) => isBuiltInSystemPromptId(id) || isBuiltInQuickPromptId(id);
