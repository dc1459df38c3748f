import { z } from 'zod/v4';
import type { AssistantTool } from './types';

export const KB_RETRIEVAL_MAX_HITS = 10;
export const KB_RETRIEVAL_MAX_CHARS = 2_000;

/** `knowledge_base_retrieval` (§7.1): visible documents matching the query, ≤10 hits of ≤2,000 chars. */
export const knowledgeBaseRetrievalTool: AssistantTool<{ query: string }> = {
  name: 'knowledge_base_retrieval',
  description:
    "Searches the user's knowledge base (notes about their environment, procedures and earlier findings) and returns matching entries.",
  schema: z.strictObject({ query: z.string().min(1).max(2_000).describe('What to look for, in a few words') }),
  async run(args, ctx) {
    const hits = await ctx.dataClients.knowledgeBase.search(ctx.scope, args.query, { size: KB_RETRIEVAL_MAX_HITS });
    const documents = hits.filter((h) => h.type === 'document' && typeof h.text === 'string').slice(0, KB_RETRIEVAL_MAX_HITS);
    // Sensitive values of remembered entries get this conversation's tokens before the text is scrubbed.
    for (const hit of documents) for (const s of hit.sensitiveValues ?? []) ctx.store.tokenFor(s.value, s.field);
    const results = documents.map((h) => ({ id: h.id, name: h.name, text: (h.text ?? '').slice(0, KB_RETRIEVAL_MAX_CHARS) }));
    return {
      content: JSON.stringify(results),
      summary: results.length === 0 ? 'no matching entries' : `${results.length} entr${results.length === 1 ? 'y' : 'ies'} found`,
      ok: true,
    };
  },
};
