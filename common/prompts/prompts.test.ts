import { promptCreateSchema } from '../api/prompts';
import { BUILT_IN_QUICK_PROMPTS, BUILT_IN_SYSTEM_PROMPTS, isBuiltInPromptId, timeAndLanguageLine } from '.';

describe('built-in prompts', () => {
  it('are valid prompts by the API schema, with unique ids and names', () => {
    for (const p of BUILT_IN_SYSTEM_PROMPTS) {
      expect(promptCreateSchema.safeParse({ promptType: 'system', name: p.name, content: p.content, defaultForConversationTypes: p.defaultForConversationTypes }).success).toBe(true);
    }
    for (const p of BUILT_IN_QUICK_PROMPTS) {
      expect(promptCreateSchema.safeParse({ promptType: 'quick', name: p.name, content: p.content, color: p.color, categories: p.categories }).success).toBe(true);
    }
    const all = [...BUILT_IN_SYSTEM_PROMPTS, ...BUILT_IN_QUICK_PROMPTS];
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.name.toLowerCase())).size).toBe(all.length);
    expect(all.every((p) => isBuiltInPromptId(p.id))).toBe(true);
    expect(isBuiltInPromptId('my-prompt')).toBe(false);
  });

  it('cover every conversation type with exactly one built-in default (§6.2)', () => {
    for (const type of ['general', 'alert', 'event', 'detection-rules', 'data-quality-dashboard']) {
      expect(BUILT_IN_SYSTEM_PROMPTS.filter((p) => p.defaultForConversationTypes.includes(type))).toHaveLength(1);
    }
    expect(BUILT_IN_SYSTEM_PROMPTS.find((p) => p.defaultForConversationTypes.includes('alert'))?.id).toBe('alert-triage-system-prompt');
  });

  it('render the time in the requested zone and the response language', () => {
    const line = timeAndLanguageLine(new Date('2026-03-01T12:00:00Z'), { timeZone: 'Europe/Paris', responseLanguage: 'French' });
    expect(line).toContain('Europe/Paris');
    expect(line).toContain('1:00:00');
    expect(line).toContain('Reply in French.');
    expect(timeAndLanguageLine(new Date('2026-03-01T12:00:00Z'), { timeZone: 'Not/AZone' })).toContain('2026-03-01T12:00:00.000Z');
  });
});
