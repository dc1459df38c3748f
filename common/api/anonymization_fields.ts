import { z } from 'zod/v4';
import { bulkActionSchema, fieldNameSchema, findQueryWith } from './primitives';

/** Per-space anonymization rows (assistant.md §3.3, §5). */

export const anonymizationFieldCreateSchema = z.strictObject({
  field: fieldNameSchema,
  allowed: z.boolean().default(true),
  anonymized: z.boolean().default(false),
});
export type AnonymizationFieldCreate = z.infer<typeof anonymizationFieldCreateSchema>;

export const anonymizationFieldUpdateSchema = z.strictObject({
  id: z.string().min(1),
  allowed: z.boolean().optional(),
  anonymized: z.boolean().optional(),
});
export type AnonymizationFieldUpdate = z.infer<typeof anonymizationFieldUpdateSchema>;

export const anonymizationFieldsBulkActionSchema = bulkActionSchema(anonymizationFieldCreateSchema, anonymizationFieldUpdateSchema);
export type AnonymizationFieldsBulkAction = z.infer<typeof anonymizationFieldsBulkActionSchema>;

export const anonymizationFieldsFindQuerySchema = findQueryWith({}, { maxPerPage: 1_000 });
export type AnonymizationFieldsFindQuery = z.infer<typeof anonymizationFieldsFindQuerySchema>;

export const anonymizationResetSchema = z.strictObject({ preset: z.enum(['balanced', 'strict']).default('balanced') });
export type AnonymizationReset = z.infer<typeof anonymizationResetSchema>;

export interface AnonymizationField {
  id: string;
  field: string;
  allowed: boolean;
  anonymized: boolean;
  isDefault: boolean;
  pendingReview: boolean;
  namespace: string;
  createdAt: string;
  updatedAt: string;
}

export interface AnonymizationStats {
  allowed: number;
  anonymized: number;
  total: number;
}

export interface AnonymizationFieldsFindResponse {
  page: number;
  perPage: number;
  total: number;
  data: AnonymizationField[];
  stats: AnonymizationStats;
}

export interface AnonymizationResetResponse {
  preset: 'balanced' | 'strict';
  total: number;
  stats: AnonymizationStats;
}
