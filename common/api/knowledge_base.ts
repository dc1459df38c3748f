import { z } from 'zod/v4';
import { bulkActionSchema, findQueryWith } from './primitives';

/** Knowledge base entries and status (assistant.md §3.3, §7). */

export const MAX_KB_ENTRIES_PER_SPACE = 10_000;
export const MAX_KB_DOCUMENT_LENGTH = 32_000;

const nameSchema = z.string().trim().min(1).max(255);
const inputSchemaItem = z.strictObject({
  fieldName: z.string().min(1).max(256),
  fieldType: z.string().min(1).max(64).default('keyword'),
  description: z.string().max(1_000).default(''),
});

export const documentEntryCreateSchema = z.strictObject({
  type: z.literal('document'),
  name: nameSchema,
  global: z.boolean().default(false),
  text: z.string().min(1).max(MAX_KB_DOCUMENT_LENGTH),
  required: z.boolean().default(false),
});

export const indexEntryCreateSchema = z.strictObject({
  type: z.literal('index'),
  name: nameSchema,
  global: z.boolean().default(false),
  index: z.string().min(1).max(255).regex(/^[^*,\s]+$/, 'One concrete index or alias (no wildcards, commas or spaces)'),
  field: z.string().min(1).max(256),
  description: z.string().min(1).max(1_000),
  queryDescription: z.string().min(1).max(1_000),
  inputSchema: z.array(inputSchemaItem).max(10).default([]),
  outputFields: z.array(z.string().min(1).max(256)).max(20).default([]),
});

export const kbEntryCreateSchema = z.discriminatedUnion('type', [documentEntryCreateSchema, indexEntryCreateSchema]);
export type KbEntryCreate = z.infer<typeof kbEntryCreateSchema>;
export type KbEntryCreateInput = z.input<typeof kbEntryCreateSchema>;

/** `type` is immutable; fields of the other type are rejected by the client. */
export const kbEntryUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  global: z.boolean().optional(),
  text: z.string().min(1).max(MAX_KB_DOCUMENT_LENGTH).optional(),
  required: z.boolean().optional(),
  index: indexEntryCreateSchema.shape.index.optional(),
  field: z.string().min(1).max(256).optional(),
  description: z.string().min(1).max(1_000).optional(),
  queryDescription: z.string().min(1).max(1_000).optional(),
  inputSchema: z.array(inputSchemaItem).max(10).optional(),
  outputFields: z.array(z.string().min(1).max(256)).max(20).optional(),
});
export type KbEntryUpdate = z.infer<typeof kbEntryUpdateSchema>;

export const kbEntryBulkUpdateSchema = kbEntryUpdateSchema.extend({ id: z.string().min(1) }).strict();
export const kbEntriesBulkActionSchema = bulkActionSchema(kbEntryCreateSchema, kbEntryBulkUpdateSchema);
export type KbEntriesBulkAction = z.infer<typeof kbEntriesBulkActionSchema>;

export const kbEntriesFindQuerySchema = findQueryWith({});
export type KbEntriesFindQuery = z.infer<typeof kbEntriesFindQuerySchema>;

export interface KbEntry {
  id: string;
  type: 'document' | 'index';
  name: string;
  global: boolean;
  kbResource: 'user' | 'system';
  source: string;
  namespace: string;
  users: Array<{ id?: string; name: string }>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** document entries */
  text?: string;
  required?: boolean;
  /** index entries */
  index?: string;
  field?: string;
  description?: string;
  queryDescription?: string;
  inputSchema?: Array<{ fieldName: string; fieldType: string; description: string }>;
  outputFields?: string[];
}

export const kbModeSchema = z.enum(['lexical', 'semantic']);
export type KbMode = z.infer<typeof kbModeSchema>;

export interface KbStatus {
  mode: KbMode;
  entry_count: number;
  degraded_reason?: string;
  semantic: {
    available: boolean;
    inference_id?: string;
    backfill: { state: 'not_started' | 'running' | 'complete' | 'failed'; processed: number; total: number };
  };
}

export interface KbIndicesResponse {
  indices: Record<string, { text: string[]; semantic_text: string[] }>;
}
