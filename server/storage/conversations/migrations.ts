import type { Message } from '../../../common/api/conversations';
import type { ReplacementEntry } from '../../../common/anonymization/types';
import { SCHEMA_VERSIONS } from '../mappings';
import type { StoredConversation } from './serialization';

/**
 * Upgrades a stored conversation of any earlier `schema_version` to the current one when it is read, so an upgrade
 * never loses a conversation (G2). Each step is a pure function from version N to N+1.
 *
 * Version 1 (no `schema_version`): `replacements` was a `{token: value}` object, `api_config.connector_type_id` named
 * the connector type, messages had no ids (`is_error` in snake_case) and there was no `message_count`.
 */
interface V1Message {
  id?: string;
  role: Message['role'];
  content: string;
  timestamp: string;
  is_error?: boolean;
  isError?: boolean;
}

type Upgrade = (doc: Record<string, unknown>) => Record<string, unknown>;

const UPGRADES: Record<number, Upgrade> = {
  1: (doc) => {
    const replacements = doc.replacements;
    const entries: ReplacementEntry[] = Array.isArray(replacements)
      ? (replacements as ReplacementEntry[])
      : Object.entries((replacements ?? {}) as Record<string, string>).map(([uuid, value]) => ({ uuid, value: String(value), field: '' }));
    const apiConfig = doc.api_config as (Record<string, unknown> & { connector_type_id?: string }) | undefined;
    const upgradedApiConfig = apiConfig
      ? (() => {
          const { connector_type_id: legacyType, ...rest } = apiConfig;
          return { ...rest, action_type_id: (rest.action_type_id as string | undefined) ?? legacyType ?? '.gen-ai' };
        })()
      : undefined;
    const id = String(doc.id ?? '');
    const rawMessages = doc.messages as V1Message[] | undefined;
    const messages: Message[] | undefined = rawMessages?.map((m, i) => {
      const isError = m.isError ?? m.is_error;
      return {
        id: m.id ?? `${id}-${i}`,
        role: m.role,
        content: m.content,
        timestamp: m.timestamp,
        ...(isError !== undefined ? { isError } : {}),
      };
    });
    const createdAt = String(doc.created_at ?? doc.updated_at ?? new Date(0).toISOString());
    return {
      ...doc,
      ...(upgradedApiConfig ? { api_config: upgradedApiConfig } : {}),
      ...(messages ? { messages } : {}),
      replacements: entries,
      message_count: typeof doc.message_count === 'number' ? doc.message_count : (messages?.length ?? 0),
      created_at: createdAt,
      created_by: doc.created_by ?? (doc.users as Array<{ name: string }> | undefined)?.[0]?.name ?? 'unknown',
      updated_at: doc.updated_at ?? createdAt,
      updated_by: doc.updated_by ?? doc.created_by ?? (doc.users as Array<{ name: string }> | undefined)?.[0]?.name ?? 'unknown',
      conversation_type: doc.conversation_type ?? 'general',
      title: doc.title ?? '',
      schema_version: 2,
    };
  },
};

export const storedSchemaVersion = (doc: { schema_version?: unknown }) => (typeof doc.schema_version === 'number' ? doc.schema_version : 1);

export function upgradeConversation(doc: object): StoredConversation {
  let current = doc as Record<string, unknown>;
  for (let v = storedSchemaVersion(current); v < SCHEMA_VERSIONS.conversations; v += 1) {
    const step = UPGRADES[v];
    if (!step) throw new Error(`No migration from conversation schema_version ${v}`);
    current = step(current);
  }
  return current as unknown as StoredConversation;
}
