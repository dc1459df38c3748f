import { z } from 'zod/v4';

const privilegeSchema = z.object({
  api: z.array(z.string().min(1)).default([]),
  ui: z.array(z.string().min(1)).default([]),
  app: z.array(z.string().min(1)).default([]),
  savedObject: z.object({ all: z.array(z.string()).default([]), read: z.array(z.string()).default([]) }).optional(),
});

export const kibanaFeatureSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_\-]+$/, 'must contain only letters, digits, "_" and "-"'),
  name: z.string().min(1),
  category: z.object({ id: z.string(), label: z.string() }).optional(),
  app: z.array(z.string()).default([]),
  privileges: z.object({ all: privilegeSchema, read: privilegeSchema }).nullable(),
});

export type KibanaFeatureConfig = z.input<typeof kibanaFeatureSchema>;
export type KibanaFeature = z.output<typeof kibanaFeatureSchema>;

/** Kibana features and their all/read privileges (api tags that routes require). */
export class FeatureRegistry {
  private readonly features = new Map<string, KibanaFeature>();
  private locked = false;

  register(config: KibanaFeatureConfig): void {
    if (this.locked) throw new Error(`Feature ${config.id} registered after setup; register features in setup()`);
    const result = kibanaFeatureSchema.safeParse(config);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`Invalid feature ${config.id}: [${issue.path.join('.')}]: ${issue.message}`);
    }
    if (this.features.has(result.data.id)) throw new Error(`Feature ${result.data.id} is already registered`);
    this.features.set(result.data.id, result.data);
  }

  lock(): void {
    this.locked = true;
  }

  get(id: string): KibanaFeature | undefined {
    return this.features.get(id);
  }

  getAll(): KibanaFeature[] {
    return [...this.features.values()];
  }
}
