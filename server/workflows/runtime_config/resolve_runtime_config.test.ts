import type { AiConnector } from '../../../platform/plugins/actions/server';
import { resolveRuntimeConfig } from './resolve_runtime_config';

const connector = { id: 'c-1', name: 'GPT' } as AiConnector;

describe('resolveRuntimeConfig', () => {
  it('uses the resolved default connector and leaves the auto-close policy to the workflow consts', () => {
    expect(resolveRuntimeConfig({}, { resolution: { connector, source: 'space_setting' } })).toEqual({
      connector_id: 'c-1',
      connector_source: 'default',
      agent_id: 'elastic-ai-agent',
      create_conversation: true,
      auto_close_enabled: null,
      auto_close_min_confidence: null,
      auto_close_max_confidence: null,
    });
  });

  it('prefers the space setting, and reports a deleted one as missing instead of falling back', () => {
    expect(resolveRuntimeConfig({ connector_id: 'c-2' }, { setting: { id: 'c-2', exists: true }, resolution: undefined })).toMatchObject({
      connector_id: 'c-2',
      connector_source: 'setting',
    });
    expect(resolveRuntimeConfig({ connector_id: 'gone' }, { setting: { id: 'gone', exists: false }, resolution: undefined })).toMatchObject({
      connector_id: null,
      connector_source: 'missing',
      missing_connector_id: 'gone',
    });
  });

  it('answers none without a connector', () => {
    expect(resolveRuntimeConfig({}, { resolution: undefined })).toMatchObject({ connector_id: null, connector_source: 'none' });
  });

  it('refuses a fallback when the default was deleted, naming it', () => {
    expect(resolveRuntimeConfig({}, { resolution: { connector, source: 'only_connector', missing: { source: 'space_setting', id: 'gone' } } })).toMatchObject({
      connector_id: null,
      connector_source: 'missing',
      missing_connector_id: 'gone',
    });
  });

  it('passes the per-space auto-close policy and agent through', () => {
    expect(
      resolveRuntimeConfig(
        { auto_close_enabled: false, auto_close_min_confidence: 0.9, auto_close_max_confidence: 0.99, agent_id: 'triage', create_conversation: false },
        { resolution: { connector, source: 'config' } },
      ),
    ).toMatchObject({ auto_close_enabled: false, auto_close_min_confidence: 0.9, auto_close_max_confidence: 0.99, agent_id: 'triage', create_conversation: false });
  });
});
