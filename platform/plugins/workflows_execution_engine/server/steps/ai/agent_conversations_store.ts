import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { AgentConversation, AgentConversationRound, AgentConversationsStore } from '../types';

/** Agent conversations written by `ai.agent` (workflow-engine §2.6), one document per conversation. */
export const AGENT_CONVERSATIONS_INDEX = '.workflows-agent-conversations';

interface ConversationDoc {
  id: string;
  title: string;
  agent_id: string;
  owner: string;
  space_id: string;
  created_at: string;
  updated_at: string;
  rounds: AgentConversationRound[];
}

const MAPPINGS = {
  dynamic: 'strict' as const,
  properties: {
    id: { type: 'keyword' as const },
    title: { type: 'text' as const, fields: { keyword: { type: 'keyword' as const, ignore_above: 256 } } },
    agent_id: { type: 'keyword' as const },
    owner: { type: 'keyword' as const },
    space_id: { type: 'keyword' as const },
    created_at: { type: 'date' as const },
    updated_at: { type: 'date' as const },
    // Rounds are kept whole for replay, not searched.
    rounds: { type: 'object' as const, enabled: false },
  },
};

const fromDoc = (doc: ConversationDoc): AgentConversation => ({
  id: doc.id,
  title: doc.title,
  agentId: doc.agent_id,
  owner: doc.owner,
  spaceId: doc.space_id,
  createdAt: doc.created_at,
  updatedAt: doc.updated_at,
  rounds: doc.rounds,
});

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'meta' in error ? (error as { meta?: { statusCode?: number } }).meta?.statusCode : undefined;

const MAX_APPEND_ATTEMPTS = 3;

export function createAgentConversationsStore(deps: {
  esClient: Client;
  index?: string;
  now?: () => Date;
  generateId?: () => string;
}): AgentConversationsStore {
  const index = deps.index ?? AGENT_CONVERSATIONS_INDEX;
  const now = deps.now ?? (() => new Date());
  const generateId = deps.generateId ?? randomUUID;
  let ensured: Promise<void> | undefined;

  const ensureIndex = (): Promise<void> => {
    ensured ??= (async () => {
      if (await deps.esClient.indices.exists({ index })) return;
      try {
        await deps.esClient.indices.create({ index, settings: { index: { hidden: true } }, mappings: MAPPINGS });
      } catch (error) {
        // Another writer created it first.
        if (statusOf(error) !== 400 || !(await deps.esClient.indices.exists({ index }))) throw error;
      }
    })().catch((error: unknown) => {
      ensured = undefined;
      throw error;
    });
    return ensured;
  };

  /** The document with its version, when it exists in that space for that owner. */
  const read = async (id: string, spaceId: string, owner: string) => {
    let result;
    try {
      result = await deps.esClient.get<ConversationDoc>({ index, id });
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
    const doc = result._source;
    if (!result.found || !doc || doc.space_id !== spaceId || doc.owner !== owner) return undefined;
    return { doc, seqNo: result._seq_no, primaryTerm: result._primary_term };
  };

  return {
    async get({ id, spaceId, owner }) {
      const found = await read(id, spaceId, owner);
      return found ? fromDoc(found.doc) : undefined;
    },

    async create({ title, agentId, spaceId, owner, round }) {
      await ensureIndex();
      const at = now().toISOString();
      const doc: ConversationDoc = {
        id: generateId(),
        title,
        agent_id: agentId,
        owner,
        space_id: spaceId,
        created_at: at,
        updated_at: at,
        rounds: [round],
      };
      // No refresh: conversations are only read back by id (a realtime get), and the write is durable once acknowledged.
      await deps.esClient.create({ index, id: doc.id, document: doc });
      return fromDoc(doc);
    },

    async appendRound({ id, spaceId, owner, round }) {
      for (let attempt = 1; ; attempt += 1) {
        const found = await read(id, spaceId, owner);
        if (!found) throw new Error(`Conversation ${id} not found in space ${spaceId}`);
        const doc: ConversationDoc = { ...found.doc, rounds: [...found.doc.rounds, round], updated_at: now().toISOString() };
        try {
          await deps.esClient.index({
            index,
            id,
            document: doc,
            ...(found.seqNo !== undefined && found.primaryTerm !== undefined ? { if_seq_no: found.seqNo, if_primary_term: found.primaryTerm } : {}),
          });
          return fromDoc(doc);
        } catch (error) {
          // A concurrent round landed first: re-read and append after it.
          if (statusOf(error) !== 409 || attempt >= MAX_APPEND_ATTEMPTS) throw error;
        }
      }
    },
  };
}
