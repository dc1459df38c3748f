import { computeHandlerHash } from './handler_hash';

describe('computeHandlerHash', () => {
  it('is the hex SHA-256 of the handler source', () => {
    const handler = Object.assign(() => undefined, { toString: () => 'abc' });
    // sha256("abc"), a published test vector.
    expect(computeHandlerHash(handler)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('changes when the source changes', () => {
    const a = async () => ({ output: 1 });
    const b = async () => ({ output: 2 });
    expect(computeHandlerHash(a)).not.toBe(computeHandlerHash(b));
  });
});
