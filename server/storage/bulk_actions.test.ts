import { BulkSkip, runBulkAction, shapeBulkResponse, type BulkOutcome } from './bulk_actions';
import { AssistantStorageError, notFoundError } from './errors';

const outcome = (partial: Partial<BulkOutcome<string>>): BulkOutcome<string> => ({ created: [], updated: [], deleted: [], skipped: [], failures: [], ...partial });

describe('shapeBulkResponse', () => {
  it('is 200 and successful when nothing failed (skips included)', () => {
    const { statusCode, body } = shapeBulkResponse(outcome({ created: ['a'], skipped: [{ id: 'b', skip_reason: 'PROMPT_IS_BUILT_IN' }] }));
    expect(statusCode).toBe(200);
    expect(body).toEqual({
      success: true,
      status_code: 200,
      attributes: {
        results: { created: ['a'], updated: [], deleted: [], skipped: [{ id: 'b', skip_reason: 'PROMPT_IS_BUILT_IN' }] },
        summary: { total: 2, succeeded: 1, failed: 0, skipped: 1 },
      },
    });
  });

  it('is 207 when some items failed, grouping errors by message and status', () => {
    const { statusCode, body } = shapeBulkResponse(
      outcome({
        deleted: ['x'],
        failures: [
          { id: 'a', statusCode: 404, message: 'gone' },
          { id: 'b', name: 'B', statusCode: 404, message: 'gone' },
          { id: 'c', statusCode: 409, message: 'dup' },
        ],
      }),
    );
    expect(statusCode).toBe(207);
    expect(body.success).toBe(false);
    expect(body.attributes.summary).toEqual({ total: 4, succeeded: 1, failed: 3, skipped: 0 });
    expect(body.attributes.errors).toEqual([
      { message: 'gone', status_code: 404, items: [{ id: 'a' }, { id: 'b', name: 'B' }] },
      { message: 'dup', status_code: 409, items: [{ id: 'c' }] },
    ]);
  });

  it.each([
    [400, 400],
    [403, 403],
    [404, 404],
    [409, 409],
    [413, 500],
  ])('answers the first error status when every item failed (%p → %p)', (first, expected) => {
    const { statusCode, body } = shapeBulkResponse(outcome({ failures: [{ id: 'a', statusCode: first, message: 'm' }, { id: 'b', statusCode: 404, message: 'n' }] }));
    expect(statusCode).toBe(expected);
    expect(body.status_code).toBe(expected);
  });
});

describe('runBulkAction', () => {
  it('runs creates, updates and deletes (ids and query) in order; storage errors and skips become items', async () => {
    const calls: string[] = [];
    const result = await runBulkAction<{ name: string }, { id: string }, string>(
      { create: [{ name: 'one' }, { name: 'bad' }], update: [{ id: 'u1' }, { id: 'builtin' }], delete: { ids: ['d1'], query: 'q' } },
      {
        describeCreate: (item) => ({ id: '', name: item.name }),
        create: async (item) => {
          calls.push(`create:${item.name}`);
          if (item.name === 'bad') throw new AssistantStorageError(409, 'conflict', 'exists');
          return item.name;
        },
        update: async (item) => {
          calls.push(`update:${item.id}`);
          if (item.id === 'builtin') throw new BulkSkip('PROMPT_IS_BUILT_IN');
          return item.id;
        },
        delete: async (id) => {
          calls.push(`delete:${id}`);
          if (id === 'd2') throw notFoundError('Thing', id, 'default');
        },
        idsForQuery: async () => ['d1', 'd2'],
      },
    );
    expect(calls).toEqual(['create:one', 'create:bad', 'update:u1', 'update:builtin', 'delete:d1', 'delete:d2']);
    expect(result).toEqual({
      created: ['one'],
      updated: ['u1'],
      deleted: ['d1'],
      skipped: [{ id: 'builtin', skip_reason: 'PROMPT_IS_BUILT_IN' }],
      failures: [
        { id: '', name: 'bad', statusCode: 409, message: 'exists' },
        { id: 'd2', statusCode: 404, message: 'Thing d2 not found in space default' },
      ],
    });
  });

  it('lets unexpected errors propagate (they are 500s, not item failures)', async () => {
    await expect(
      runBulkAction<{ n: number }, { id: string }, number>(
        { create: [{ n: 1 }] },
        { describeCreate: () => ({ id: '' }), create: async () => Promise.reject(new Error('cluster down')), update: async () => 0, delete: async () => undefined, idsForQuery: async () => [] },
      ),
    ).rejects.toThrow('cluster down');
  });
});
