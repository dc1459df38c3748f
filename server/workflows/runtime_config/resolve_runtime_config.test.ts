import type { AiConnector } from '../../../platform/plugins/actions/server';
import { resolveRuntimeConfig } from './resolve_runtime_config';

const connector = { id: 'c-1', name: 'GPT' } as AiConnector;

describe('resolveRuntimeConfig', () => {
  it('uses the resolved default connector', () => {
    expect(resolveRuntimeConfig({ connector, source: 'space_setting' })).toEqual({
      connector_id: 'c-1',
      connector_source: 'default',
      agent_id: 'elastic-ai-agent',
      create_conversation: true,
    });
  });

  it('answers none without a connector', () => {
    expect(resolveRuntimeConfig(undefined)).toMatchObject({ connector_id: null, connector_source: 'none' });
  });

  it('refuses a fallback when the configured default was deleted, naming it', () => {
    expect(resolveRuntimeConfig({ connector, source: 'only_connector', missing: { source: 'space_setting', id: 'gone' } })).toMatchObject({
      connector_id: null,
      connector_source: 'missing',
      missing_connector_id: 'gone',
    });
  });
});
