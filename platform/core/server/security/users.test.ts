import { UserStore } from './users';
import * as password from './password';

jest.mock('./password', () => {
  const actual: typeof password = jest.requireActual('./password');
  return { ...actual, verifyPassword: jest.fn(actual.verifyPassword) };
});

describe('UserStore.verify', () => {
  it('spends a password check on unknown users too, so the answer time does not reveal which users exist', async () => {
    const store = await UserStore.create({ elasticHash: await password.hashPassword('elastic-pw'), users: [] });
    const verify = jest.mocked(password.verifyPassword);
    verify.mockClear();
    await expect(store.verify('ghost', 'whatever')).resolves.toBe(false);
    expect(verify).toHaveBeenCalledTimes(1);
    await expect(store.verify('elastic', 'wrong')).resolves.toBe(false);
    expect(verify).toHaveBeenCalledTimes(2);
    await expect(store.verify('elastic', 'elastic-pw')).resolves.toBe(true);
  });
});
