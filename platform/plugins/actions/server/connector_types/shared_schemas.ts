import { z } from 'zod/v4';

export const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const modelName = z.string().trim().min(1).max(200);
export const secretString = z.string().min(1).max(10_000);
export const contextWindowTokens = z.number().int().min(1024).max(10_000_000).optional();
/** assistant.md §8.3: native tools, prompted tools, or native falling back to prompted. */
export const toolCallingMode = z.enum(['auto', 'native', 'prompted']).default('auto');
