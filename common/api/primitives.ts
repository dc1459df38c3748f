import { z } from 'zod/v4';

/** Building blocks shared by every assistant route schema (assistant.md §3.3). */

export const UUID4_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const uuid4Schema = z.string().regex(UUID4_PATTERN, 'Expected a UUID v4');

/** Ids we generate are UUID v4; ids supplied by clients may be any safe string (imports, fixed ids). */
export const idSchema = z.string().min(1).max(256).regex(/^[A-Za-z0-9_\-.:]+$/, 'Ids may contain letters, digits, _ - . : only');

export const fieldNameSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[A-Za-z0-9_@][A-Za-z0-9_@.\-]*$/, 'Expected an ECS-style field name');

export const conversationTypeSchema = z.enum(['general', 'alert', 'event', 'detection-rules', 'data-quality-dashboard']);
export type ConversationType = z.infer<typeof conversationTypeSchema>;

/** token (UUID v4) → original value. */
export const replacementsSchema = z.record(uuid4Schema, z.string().max(10_000));

export const fieldRuleSchema = z.strictObject({ field: fieldNameSchema, allowed: z.boolean(), anonymized: z.boolean() });

export const apiConfigSchema = z.strictObject({
  connectorId: z.string().min(1),
  actionTypeId: z.string().min(1),
  provider: z.string().optional(),
  model: z.string().max(200).optional(),
  defaultSystemPromptId: z.string().optional(),
});
export type ApiConfig = z.infer<typeof apiConfigSchema>;

export const userRefSchema = z.strictObject({ id: z.string().optional(), name: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;

/**
 * A resource's `_find` query: the shared fields (§3.1) with its own `per_page` ceiling (A1 allows 1,000) and extra
 * parameters; the 10,000-result window always applies.
 */
export const findQueryWith = <S extends z.core.$ZodLooseShape>(extra: S, options: { maxPerPage?: number } = {}) =>
  z
    .object({
      fields: z.union([z.array(z.string()), z.string().transform((s) => s.split(',').filter(Boolean))]).optional(),
      filter: z.string().max(4_000).optional(),
      sort_field: z.string().optional(),
      sort_order: z.enum(['asc', 'desc']).optional(),
      page: z.coerce.number().int().min(1).default(1),
      per_page: z.coerce.number().int().min(0).max(options.maxPerPage ?? 100).default(20),
      ...extra,
    })
    .refine((q) => {
      const { page, per_page } = q as { page: number; per_page: number };
      return page * per_page <= 10_000;
    }, {
      message: 'page × per_page must not exceed 10,000',
      path: ['page'],
    });

/** Query-string booleans arrive as text. */
export const queryBooleanSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export interface FindResponse<T> {
  page: number;
  perPage: number;
  total: number;
  data: T[];
}

/** `_bulk_action` body (§3.1); each resource supplies its create/update item schemas. */
export const bulkActionSchema = <C extends z.ZodType, U extends z.ZodType>(create: C, update: U) =>
  z
    .strictObject({
      create: z.array(create).optional(),
      update: z.array(update).optional(),
      delete: z.strictObject({ ids: z.array(z.string()).optional(), query: z.string().optional() }).optional(),
    })
    .refine(
      (b) => {
        const n = (b.create?.length ?? 0) + (b.update?.length ?? 0) + (b.delete?.ids?.length ?? 0) + (b.delete?.query ? 1 : 0);
        return n >= 1 && n <= 100;
      },
      { message: 'A bulk action needs between 1 and 100 operations' },
    );

export interface BulkActionSkipped {
  id: string;
  name?: string;
  skip_reason: string;
}

export interface BulkActionError {
  message: string;
  status_code: number;
  items: Array<{ id: string; name?: string }>;
}

export interface BulkActionResponse<T> {
  success: boolean;
  status_code: number;
  attributes: {
    results: { created: T[]; updated: T[]; deleted: string[]; skipped: BulkActionSkipped[] };
    summary: { total: number; succeeded: number; failed: number; skipped: number };
    errors?: BulkActionError[];
  };
}
