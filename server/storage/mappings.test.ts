import { FILTERABLE_FIELDS, META_MAPPING, RESOURCE_MAPPINGS, RESOURCES, SCHEMA_VERSIONS } from './mappings';

describe('mappings', () => {
  it('never use nested (the embedded engine rejects nested queries) and version every resource', () => {
    for (const resource of RESOURCES) {
      expect(JSON.stringify(RESOURCE_MAPPINGS[resource])).not.toContain('nested');
      expect(RESOURCE_MAPPINGS[resource]).toEqual(expect.objectContaining({ namespace: { type: 'keyword' }, schema_version: { type: 'integer' } }));
      expect(SCHEMA_VERSIONS[resource]).toBeGreaterThanOrEqual(1);
    }
    expect(JSON.stringify(META_MAPPING)).not.toContain('nested');
  });

  it('keep opaque payloads out of the index and out of filters', () => {
    expect(RESOURCE_MAPPINGS.conversations.messages).toEqual({ type: 'object', enabled: false });
    expect(RESOURCE_MAPPINGS.conversations.replacements).toEqual({ type: 'object', enabled: false });
    expect(RESOURCE_MAPPINGS['knowledge-base'].sensitive_values).toEqual({ type: 'object', enabled: false });
    expect(FILTERABLE_FIELDS.conversations).not.toContain('messages');
    expect(FILTERABLE_FIELDS['knowledge-base']).not.toContain('sensitive_values');
  });

  it('expose stored snake_case names (with sub-fields and object paths) as filterable', () => {
    expect(FILTERABLE_FIELDS.conversations).toEqual(
      expect.arrayContaining(['title', 'title.text', 'conversation_type', 'users.name', 'users.id', 'api_config.connector_id', 'updated_at']),
    );
    expect(FILTERABLE_FIELDS.prompts).toEqual(expect.arrayContaining(['prompt_type', 'categories', 'name_lower']));
    expect(FILTERABLE_FIELDS['anonymization-fields']).toEqual(expect.arrayContaining(['field', 'allowed', 'anonymized', 'pending_review']));
  });
});
