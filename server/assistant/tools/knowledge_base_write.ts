import { z } from 'zod/v4';
import type { AssistantTool } from './types';

/** `knowledge_base_write` (§7.4): "remember this" as a private document, stored de-anonymized with its sensitive values. */
export const knowledgeBaseWriteTool: AssistantTool<{ name: string; content: string; required: boolean }> = {
  name: 'knowledge_base_write',
  description:
    'Saves something the user explicitly asked you to remember as a private knowledge base entry. Set required to true only when the user says to always apply it.',
  schema: z.strictObject({
    name: z.string().min(1).max(255).describe('A short name for the entry'),
    content: z.string().min(1).max(32_000).describe('What to remember, in markdown'),
    required: z.boolean().default(false).describe('true only when the user says "always"'),
  }),
  async run(args, ctx) {
    const sensitiveValues = ctx.argumentValues.map((e) => ({ value: e.value, field: e.field }));
    const entry = await ctx.dataClients.knowledgeBase.createEntry(ctx.scope, {
      name: args.name,
      text: args.content,
      required: args.required,
      global: false,
      source: 'conversation',
      ...(sensitiveValues.length > 0 ? { sensitiveValues } : {}),
    });
    const link = `?tab=knowledge_base&entry_search_term=${encodeURIComponent(entry.id)}`;
    return {
      content: JSON.stringify({ saved: true, id: entry.id, name: entry.name, required: entry.required, settingsLink: link }),
      summary: `remembered "${entry.name}"`,
      ok: true,
    };
  },
};
