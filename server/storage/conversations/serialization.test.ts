import type { ConversationCreate } from '../../../common/api/conversations';
import { upgradeConversation } from './migrations';
import { conversationFromStored, mergeReplacements, newStoredConversation } from './serialization';

const T1 = '3f5a1c2e-1b2c-4d3e-8f9a-0b1c2d3e4f5a';
const T2 = '4f5a1c2e-1b2c-4d3e-8f9a-0b1c2d3e4f5b';

describe('conversation serialization', () => {
  it('stores snake_case with replacements as {uuid, value, field} and reads back the API shape', () => {
    const create: ConversationCreate = {
      title: 'T',
      conversationType: 'alert',
      apiConfig: { connectorId: 'c', actionTypeId: '.gen-ai', model: 'm', defaultSystemPromptId: 'p' },
      messages: [{ id: 'm1', role: 'user', content: `hi ${T1}`, timestamp: '2026-01-01T00:00:00.000Z' }],
      replacements: { [T1]: 'host-a' },
    };
    const stored = newStoredConversation({ id: 'c1', spaceId: 's', user: { name: 'u' }, now: '2026-01-02T00:00:00.000Z', create });
    expect(stored).toEqual({
      id: 'c1',
      namespace: 's',
      title: 'T',
      conversation_type: 'alert',
      users: [{ name: 'u' }],
      api_config: { connector_id: 'c', action_type_id: '.gen-ai', model: 'm', default_system_prompt_id: 'p' },
      messages: create.messages,
      replacements: [{ uuid: T1, value: 'host-a', field: '' }],
      message_count: 1,
      created_at: '2026-01-02T00:00:00.000Z',
      created_by: 'u',
      updated_at: '2026-01-02T00:00:00.000Z',
      updated_by: 'u',
      schema_version: 2,
    });
    expect(conversationFromStored(stored)).toEqual({
      id: 'c1',
      title: 'T',
      conversationType: 'alert',
      apiConfig: create.apiConfig,
      messages: create.messages,
      replacements: { [T1]: 'host-a' },
      namespace: 's',
      createdAt: '2026-01-02T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      users: [{ name: 'u' }],
      createdBy: 'u',
      messageCount: 1,
    });
  });

  it('merges replacements, keeping a known token\'s recorded field', () => {
    expect(mergeReplacements([{ uuid: T1, value: 'a', field: 'host.name' }], { [T1]: 'a', [T2]: 'b' })).toEqual([
      { uuid: T1, value: 'a', field: 'host.name' },
      { uuid: T2, value: 'b', field: '' },
    ]);
  });
});

describe('conversation migrations', () => {
  it('upgrades a schema_version 1 fixture without losing anything', () => {
    const v1 = {
      id: 'old',
      namespace: 'default',
      title: 'Old',
      users: [{ name: 'u' }],
      api_config: { connector_id: 'c', connector_type_id: '.anthropic' },
      messages: [{ role: 'user', content: 'q', timestamp: '2024-01-01T00:00:00.000Z', is_error: true }],
      replacements: { [T1]: 'v' },
      created_at: '2024-01-01T00:00:00.000Z',
    };
    expect(upgradeConversation(v1)).toEqual({
      id: 'old',
      namespace: 'default',
      title: 'Old',
      conversation_type: 'general',
      users: [{ name: 'u' }],
      api_config: { connector_id: 'c', action_type_id: '.anthropic' },
      messages: [{ id: 'old-0', role: 'user', content: 'q', timestamp: '2024-01-01T00:00:00.000Z', isError: true }],
      replacements: [{ uuid: T1, value: 'v', field: '' }],
      message_count: 1,
      created_at: '2024-01-01T00:00:00.000Z',
      created_by: 'u',
      updated_at: '2024-01-01T00:00:00.000Z',
      updated_by: 'u',
      schema_version: 2,
    });
  });

  it('leaves current documents as they are', () => {
    const current = newStoredConversation({ id: 'x', spaceId: 's', user: { name: 'u' }, now: '2026-01-01T00:00:00.000Z', create: { title: '' } });
    expect(upgradeConversation(current)).toEqual(current);
  });
});
