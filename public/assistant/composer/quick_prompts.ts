/** §1.5: which quick prompts show — no categories, `general`, or a category of a registered/selected context. */
import type { QuickPrompt } from '../../api';

export function visibleQuickPrompts(prompts: readonly QuickPrompt[], contextCategories: readonly string[]): QuickPrompt[] {
  const categories = new Set(contextCategories);
  return prompts.filter((p) => !p.categories || p.categories.length === 0 || p.categories.some((c) => c === 'general' || categories.has(c)));
}

/** `floor(width / 120)` badges fit in the row; the rest go to the `...` menu. */
export function quickPromptSlots(width: number): number {
  return Math.max(1, Math.floor(width / 120));
}
