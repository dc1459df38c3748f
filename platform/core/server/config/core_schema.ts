import { z } from 'zod/v4';
import { LOG_LEVELS } from '../logging';

/** Space ids as Kibana allows them: lowercase letters, digits, `_` and `-`. */
export const spaceIdSchema = z.string().regex(/^[a-z0-9_\-]+$/, 'must contain only lowercase letters, digits, "_" and "-"');

const port = z.number().int().min(0).max(65535);

const userSchema = z
  .strictObject({
    username: z.string().min(1),
    password: z.string().min(6).optional(),
    /** `scrypt$<salt hex>$<key hex>`, as written by hashPassword(). */
    passwordHash: z.string().regex(/^scrypt\$[0-9a-f]+\$[0-9a-f]+$/, 'must be scrypt$<salt hex>$<key hex>').optional(),
    roles: z.array(z.string().min(1)).default([]),
    full_name: z.string().optional(),
    email: z.string().optional(),
  })
  .refine((u) => (u.password === undefined) !== (u.passwordHash === undefined), {
    message: 'exactly one of password or passwordHash is required',
  });

const roleKibanaEntrySchema = z.strictObject({
  spaces: z.array(z.union([z.literal('*'), spaceIdSchema])).min(1).default(['*']),
  base: z.array(z.enum(['all', 'read'])).default([]),
  feature: z.record(z.string(), z.array(z.enum(['all', 'read']))).default({}),
});

export const roleSchema = z.strictObject({
  kibana: z.array(roleKibanaEntrySchema).default([]),
});

export const coreConfigSchema = z.strictObject({
  server: z
    .strictObject({
      port: port.default(5601),
      host: z.string().min(1).default('127.0.0.1'),
      maxPayload: z.number().int().positive().default(1048576),
    })
    .prefault({}),
  path: z.strictObject({ data: z.string().min(1).default('./data') }).prefault({}),
  elasticsearch: z
    .strictObject({
      hosts: z
        .union([z.url(), z.array(z.url()).min(1)])
        .transform((h) => (Array.isArray(h) ? h : [h]))
        .optional(),
      username: z.string().optional(),
      password: z.string().optional(),
      apiKey: z.string().optional(),
      /** Request headers forwarded to Elasticsearch by asCurrentUser (a real cluster only). */
      requestHeadersWhitelist: z.array(z.string().toLowerCase()).default([]),
      requestTimeout: z.number().int().positive().default(30000),
      embedded: z.strictObject({ port: port.default(9200) }).prefault({}),
    })
    .prefault({}),
  feature_flags: z
    .strictObject({ overrides: z.record(z.string(), z.unknown()).default({}) })
    .prefault({}),
  security: z
    .strictObject({
      bootstrapPassword: z.string().min(6).optional(),
      users: z.array(userSchema).default([]),
      roles: z.record(z.string().regex(/^[A-Za-z0-9_\-.]+$/), roleSchema).default({}),
    })
    .prefault({}),
  spaces: z
    .array(z.strictObject({ id: spaceIdSchema, name: z.string().min(1), description: z.string().optional() }))
    .default([]),
  sampleData: z.strictObject({ enabled: z.boolean().default(true) }).prefault({}),
  logging: z
    .strictObject({
      levels: z.record(z.string(), z.enum(LOG_LEVELS)).default({}),
      layout: z.enum(['text', 'json']).default('text'),
    })
    .prefault({}),
});

export type CoreConfig = z.output<typeof coreConfigSchema>;
export type RoleConfig = z.output<typeof roleSchema>;
export type UserConfig = CoreConfig['security']['users'][number];
