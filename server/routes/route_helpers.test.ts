import { kibanaResponseFactory } from '../../platform/core/server';
import { ActionsError } from '../../platform/plugins/actions/server';
import { AssistantStorageError } from '../storage/errors';
import { errorResponse, projectFields, toFindParams } from './route_helpers';

describe('errorResponse', () => {
  it('answers storage errors with their status, code, missing privileges and details', () => {
    const res = errorResponse(
      new AssistantStorageError(403, 'missing_privilege', 'Nope', { missingPrivileges: ['x'], details: [{ path: 'a', message: 'b' }] }),
      kibanaResponseFactory,
    );
    expect(res.status).toBe(403);
    expect(res.payload).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Nope', attributes: { code: 'missing_privilege', missingPrivileges: ['x'], details: [{ path: 'a', message: 'b' }] } });
  });

  it('answers connector errors and Elasticsearch 4xx errors with their status and code', () => {
    expect(errorResponse(new ActionsError(404, 'connector_not_found', 'Connector x not found in space default'), kibanaResponseFactory).payload).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Connector x not found in space default',
      attributes: { code: 'connector_not_found' },
    });
    const esError = Object.assign(new Error('bad'), { meta: { statusCode: 400, body: { error: { type: 'parsing_exception', reason: 'unknown query [x]' } } } });
    expect(errorResponse(esError, kibanaResponseFactory).payload).toEqual({ statusCode: 400, error: 'Bad Request', message: 'unknown query [x]', attributes: { code: 'parsing_exception' } });
  });

  it('rethrows anything else so the HTTP layer logs it and answers a generic 500', () => {
    expect(() => errorResponse(new Error('internal detail'), kibanaResponseFactory)).toThrow('internal detail');
    const es500 = Object.assign(new Error('shard failure'), { meta: { statusCode: 500 } });
    expect(() => errorResponse(es500, kibanaResponseFactory)).toThrow('shard failure');
  });
});

describe('projectFields and toFindParams', () => {
  const items = [{ id: '1', title: 'T', conversationType: 'alert', messageCount: 2 }];
  it('keeps only the listed fields (API or stored names) plus id', () => {
    expect(projectFields(items, ['title', 'conversation_type'])).toEqual([{ id: '1', title: 'T', conversationType: 'alert' }]);
    expect(projectFields(items, undefined)).toBe(items);
  });
  it('maps snake_case query parameters to find params', () => {
    expect(toFindParams({ page: 2, per_page: 5, sort_field: 'title', sort_order: 'asc', filter: 'a:1' })).toEqual({ page: 2, perPage: 5, sortField: 'title', sortOrder: 'asc', filter: 'a:1' });
  });
});
