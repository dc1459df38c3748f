/**
 * The page shell's `<script id="kbn-injected-metadata">` (rendered by the server): what the browser needs
 * before its first request. Validated, because a malformed page must fail loudly, not half-render.
 */
import { z } from 'zod/v4';

export const injectedMetadataSchema = z.object({
  version: z.string(),
  basePath: z.string(),
  spaceId: z.string().min(1),
  user: z
    .object({
      username: z.string(),
      roles: z.array(z.string()),
      full_name: z.string().optional(),
      email: z.string().optional(),
    })
    .passthrough()
    .nullable(),
  plugins: z.array(z.object({ id: z.string(), config: z.record(z.string(), z.unknown()).optional() })),
  featureFlags: z.record(z.string(), z.unknown()).default({}),
});

export type InjectedMetadata = z.infer<typeof injectedMetadataSchema>;
export type CurrentUser = NonNullable<InjectedMetadata['user']>;

export const INJECTED_METADATA_ELEMENT_ID = 'kbn-injected-metadata';

export function parseInjectedMetadata(json: string): InjectedMetadata {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`Invalid injected metadata: ${(error as Error).message}`);
  }
  const parsed = injectedMetadataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid injected metadata at [${issue?.path.join('.')}]: ${issue?.message}`);
  }
  return parsed.data;
}

export function readInjectedMetadata(doc: Document): InjectedMetadata {
  const el = doc.getElementById(INJECTED_METADATA_ELEMENT_ID);
  if (!el?.textContent) throw new Error(`Missing <script id="${INJECTED_METADATA_ELEMENT_ID}"> in the page`);
  return parseInjectedMetadata(el.textContent);
}
