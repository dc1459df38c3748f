import { lazyDeepCopy } from './lazy_copy';

const source = () => ({
  workflow: { id: 'w', spaceId: 'default' },
  steps: { a: { output: { hits: [1, 2, 3] } } },
  empty: null,
  n: 3,
});

describe('lazyDeepCopy', () => {
  it('equals a deep copy for reads, enumeration, JSON and structuredClone', () => {
    const original = source();
    const copy = lazyDeepCopy(original);
    expect(Object.keys(copy)).toEqual(['workflow', 'steps', 'empty', 'n']);
    expect(JSON.parse(JSON.stringify(copy))).toEqual(original);
    expect(structuredClone(copy)).toEqual(original);
    expect({ ...copy }).toEqual(original);
    expect(copy.workflow.spaceId).toBe('default');
    expect(copy.workflow).not.toBe(original.workflow);
    expect(copy.workflow).toBe(copy.workflow);
  });

  it('never lets a change to the copy reach the source', () => {
    const original = source();
    const copy = lazyDeepCopy(original);
    copy.steps.a.output.hits.push(4);
    copy.workflow = { id: 'x', spaceId: 'other' };
    (copy as Record<string, unknown>).extra = true;
    delete (copy as Partial<typeof copy>).n;
    expect(original).toEqual(source());
    expect(copy.steps.a.output.hits).toEqual([1, 2, 3, 4]);
    expect(copy.workflow.spaceId).toBe('other');
    expect('n' in copy).toBe(false);
  });

  it('copies a part at the time it is first read', () => {
    const original = source();
    const copy = lazyDeepCopy(original);
    const clone = jest.spyOn(globalThis, 'structuredClone');
    try {
      expect(copy.workflow.id).toBe('w');
      expect(copy.workflow.spaceId).toBe('default');
      expect(clone).toHaveBeenCalledTimes(1);
    } finally {
      clone.mockRestore();
    }
  });
});
