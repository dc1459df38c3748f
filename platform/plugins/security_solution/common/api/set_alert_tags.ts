import { z } from 'zod/v4';

const tag = z.string().trim().min(1).max(256);

export const setAlertTagsRequestBody = z
  .object({
    ids: z.array(z.string().min(1)).min(1),
    tags: z.object({ tags_to_add: z.array(tag), tags_to_remove: z.array(tag) }).strict(),
  })
  .strict()
  .refine((b) => !b.tags.tags_to_add.some((t) => b.tags.tags_to_remove.includes(t)), {
    message: 'Duplicate tags were found in the tags_to_add and tags_to_remove parameters',
    path: ['tags'],
  });
export type SetAlertTagsRequestBody = z.infer<typeof setAlertTagsRequestBody>;
