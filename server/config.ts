import { z } from 'zod/v4';

/** `xpack.securityAiAssistant.*` (assistant.md §0). */
export const assistantConfigSchema = z
  .object({
    storage: z.object({ prefix: z.string().min(1).default('.kibana-security-ai-assistant') }).prefault({}),
    defaultConnectorId: z.string().optional(),
    chat: z
      .object({
        maxToolSteps: z.number().int().min(1).max(20).default(8),
        timeouts: z
          .object({
            connectMs: z.number().int().positive().default(10_000),
            firstTokenMs: z.number().int().positive().default(120_000),
            idleMs: z.number().int().positive().default(60_000),
            totalMs: z.number().int().positive().default(600_000),
          })
          .prefault({}),
        maxRetries: z.number().int().min(0).max(10).default(3),
      })
      .prefault({}),
    anonymization: z.object({ minFreeTextLength: z.number().int().min(1).default(3) }).prefault({}),
    knowledgeBase: z.object({ inferenceId: z.string().optional() }).prefault({}),
    tools: z.object({ esql: z.object({ enabled: z.boolean().default(false) }).prefault({}) }).prefault({}),
  })
  .prefault({});

export type AssistantConfig = z.infer<typeof assistantConfigSchema>;
