import { getNotesRequestQuery } from './notes';

describe('getNotesRequestQuery', () => {
  it('refuses pages beyond the 10,000-note result window with a message naming the limit', () => {
    const deep = getNotesRequestQuery.safeParse({ documentIds: 'a', page: '999999999', perPage: '1000' });
    expect(deep.success).toBe(false);
    expect(deep.error?.issues[0]).toMatchObject({ path: ['page'], message: 'page * perPage must not exceed 10000' });
    expect(getNotesRequestQuery.safeParse({ documentIds: 'a', page: '10', perPage: '1000' }).success).toBe(true);
  });
});
