import type { WorkflowValidationResult } from '../../../../packages/workflows/definition';
import { buildFindQuery, buildWorkflowDocument, decodeRevision, encodeRevision, toWorkflowDetail, toWorkflowListItem, workflowDocId } from '.';

const validResult: WorkflowValidationResult = {
  valid: true,
  diagnostics: [{ severity: 'warning', code: 'unknown-key', message: 'Unknown key "x".', path: ['x'], line: 3, column: 1, endLine: 3, endColumn: 2 }],
  definition: { version: '1', name: 'Triage', description: 'Desc', enabled: true, triggers: [{ type: 'alert' }], steps: [{ name: 'a', type: 'console', with: { message: 'hi' } }] },
  name: 'Triage',
  description: 'Desc',
  tags: ['ai'],
  triggerTypes: ['alert'],
};

const invalidResult: WorkflowValidationResult = {
  valid: false,
  diagnostics: [
    { severity: 'error', code: 'schema', message: 'Missing required key "steps".', path: ['steps'], line: 1, column: 1, endLine: 1, endColumn: 5 },
    { severity: 'warning', code: 'unknown-key', message: 'Unknown key "x".', path: ['x'], line: 2, column: 1, endLine: 2, endColumn: 2 },
  ],
  definition: null,
  name: 'Half done',
  tags: [],
  triggerTypes: ['manual'],
};

describe('buildWorkflowDocument', () => {
  it('stores a valid workflow with its definition and enabled from the YAML, and no errors', () => {
    const doc = buildWorkflowDocument({ id: 'w1', spaceId: 's', yaml: 'y', validation: validResult, username: 'ann', now: 'T1' });
    expect(doc).toEqual({
      id: 'w1',
      spaceId: 's',
      name: 'Triage',
      description: 'Desc',
      enabled: true,
      valid: true,
      tags: ['ai'],
      triggerTypes: ['alert'],
      yaml: 'y',
      definition: validResult.definition,
      validationErrors: [],
      createdAt: 'T1',
      createdBy: 'ann',
      updatedAt: 'T1',
      lastUpdatedBy: 'ann',
      deletedAt: null,
    });
  });

  it('stores an invalid workflow disabled, without definition, with only error diagnostics', () => {
    const doc = buildWorkflowDocument({ id: 'w2', spaceId: 's', yaml: 'y', validation: invalidResult, username: 'ann', now: 'T1' });
    expect(doc).toMatchObject({ name: 'Half done', valid: false, enabled: false, definition: null, triggerTypes: ['manual'] });
    expect(doc.validationErrors.map((d) => d.code)).toEqual(['schema']);
    expect('description' in doc).toBe(false);
  });

  it('keeps creation facts and deletion from the previous version on update', () => {
    const previous = buildWorkflowDocument({ id: 'w1', spaceId: 's', yaml: 'y', validation: validResult, username: 'ann', now: 'T1' });
    const next = buildWorkflowDocument({ id: 'w1', spaceId: 's', yaml: 'y2', validation: invalidResult, username: 'bob', now: 'T2', previous });
    expect(next).toMatchObject({ createdAt: 'T1', createdBy: 'ann', updatedAt: 'T2', lastUpdatedBy: 'bob', enabled: false });
  });
});

describe('response shapes', () => {
  const doc = buildWorkflowDocument({ id: 'w1', spaceId: 's', yaml: 'y', validation: invalidResult, username: 'ann', now: 'T1' });

  it('maps a document to WorkflowDetail (validationErrors only when invalid, lastUpdatedAt from updatedAt)', () => {
    expect(toWorkflowDetail(doc, 'rev')).toEqual({
      id: 'w1',
      name: 'Half done',
      enabled: false,
      tags: [],
      valid: false,
      validationErrors: [invalidResult.diagnostics[0]],
      yaml: 'y',
      definition: null,
      spaceId: 's',
      createdAt: 'T1',
      createdBy: 'ann',
      lastUpdatedAt: 'T1',
      lastUpdatedBy: 'ann',
      revision: 'rev',
    });
    expect(toWorkflowDetail({ ...doc, deletedAt: 'T9' }).deletedAt).toBe('T9');
  });

  it('maps a list item without yaml and definition, with triggerTypes and history', () => {
    const summary = { id: 'e1', status: 'completed' as const, isTestRun: false, triggeredBy: 'manual' as const };
    const item = toWorkflowListItem(doc, summary);
    expect(item).not.toHaveProperty('yaml');
    expect(item).not.toHaveProperty('definition');
    expect(item).toMatchObject({ triggerTypes: ['manual'], history: [summary] });
    expect(toWorkflowListItem(doc, undefined).history).toEqual([]);
  });
});

describe('ids and revisions', () => {
  it('scopes Elasticsearch ids by space and round-trips revisions', () => {
    expect(workflowDocId('team-a', 'security.alert.validation')).toBe('team-a:security.alert.validation');
    expect(decodeRevision(encodeRevision(12, 3))).toEqual({ seqNo: 12, primaryTerm: 3 });
    expect(decodeRevision('not-a-revision')).toBeUndefined();
    expect(decodeRevision(Buffer.from('[1.5,1]').toString('base64url'))).toBeUndefined();
  });
});

describe('buildFindQuery', () => {
  it('always filters the space and hides deleted workflows; escapes wildcard characters of the name query', () => {
    expect(buildFindQuery({ spaceId: 's' })).toEqual({ bool: { filter: [{ term: { spaceId: 's' } }], must: [], must_not: [{ exists: { field: 'deletedAt' } }] } });
    const q = buildFindQuery({ spaceId: 's', enabled: false, tags: ['a'], query: ' tri*age ' }) as { bool: { filter: unknown[]; must: Array<{ bool: { should: unknown[] } }> } };
    expect(q.bool.filter).toEqual([{ term: { spaceId: 's' } }, { term: { enabled: false } }, { terms: { tags: ['a'] } }]);
    expect(q.bool.must[0]?.bool.should[1]).toEqual({ wildcard: { 'name.keyword': { value: '*tri\\*age*', case_insensitive: true } } });
  });
});
