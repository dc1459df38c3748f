import { DurabilityModel, mergeDoc } from './model';
import { Random } from './random';
import { bulkBody, nextOp, ownedDocs, predictedOutcome } from './workload';

const key = DurabilityModel.key('i', '1');

describe('DurabilityModel', () => {
  it('accepts exactly the last acknowledged state', () => {
    const model = new DurabilityModel();
    model.recordAck(key, { exists: true, version: 1, seqNo: 0, source: { a: 1 } });
    model.recordAck(key, { exists: true, version: 2, seqNo: 3, source: { a: 2 } });
    expect(model.violation(key, { found: true, version: 2, seqNo: 3, source: { a: 2 } })).toBeUndefined();
    expect(model.violation(key, { found: true, version: 1, seqNo: 0, source: { a: 1 } })).toMatch(/expected version 2/);
    expect(model.violation(key, { found: true, version: 2, seqNo: 3, source: { a: 3 } })).toBeDefined();
    expect(model.violation(key, { found: false })).toMatch(/is lost/);
  });

  it('requires acknowledged deletes to stay deleted', () => {
    const model = new DurabilityModel();
    model.recordAck(key, { exists: true, version: 1, seqNo: 0, source: { a: 1 } });
    model.recordAck(key, { exists: false, version: 2, seqNo: 1 });
    expect(model.violation(key, { found: false })).toBeUndefined();
    expect(model.violation(key, { found: true, version: 1, seqNo: 0, source: { a: 1 } })).toBeDefined();
  });

  it('allows an unacknowledged write to be applied or not, but only as a newer state', () => {
    const model = new DurabilityModel();
    model.recordAck(key, { exists: true, version: 1, seqNo: 4, source: { a: 1 } });
    model.recordUncertain(key, { exists: true, source: { a: 9 } });
    expect(model.violation(key, { found: true, version: 1, seqNo: 4, source: { a: 1 } })).toBeUndefined();
    expect(model.violation(key, { found: true, version: 2, seqNo: 7, source: { a: 9 } })).toBeUndefined();
    expect(model.violation(key, { found: true, version: 2, seqNo: 3, source: { a: 9 } })).toBeDefined();
    expect(model.violation(key, { found: true, version: 2, seqNo: 7, source: { a: 8 } })).toBeDefined();
    expect(model.violation(key, { found: false })).toBeDefined();
    model.recordUncertain(key, { exists: false });
    expect(model.violation(key, { found: false })).toBeUndefined();
  });

  it('accepts an unknown document only when nothing was acknowledged', () => {
    const model = new DurabilityModel();
    model.recordUncertain(key, { exists: true, source: { a: 1 } });
    expect(model.violation(key, { found: false })).toBeUndefined();
    expect(model.violation(key, { found: true, version: 1, seqNo: 0, source: { a: 1 } })).toBeUndefined();
  });

  it('tracks the highest acknowledged seq_no per index and rejects regressions', () => {
    const model = new DurabilityModel();
    model.recordAck('a/1', { exists: true, version: 1, seqNo: 5, source: {} });
    model.recordAck('b/1', { exists: true, version: 1, seqNo: 2, source: {} });
    expect(model.maxAckedSeqNo('a')).toBe(5);
    expect(model.indices()).toEqual(['a', 'b']);
    expect(() => model.recordAck('a/1', { exists: true, version: 2, seqNo: 4, source: {} })).toThrow(/backwards/);
  });

  it('adopts the recovered state for the next cycle', () => {
    const model = new DurabilityModel();
    model.recordUncertain(key, { exists: true, source: { a: 1 } });
    model.resetTo(key, { found: true, version: 1, seqNo: 0, source: { a: 1 } });
    expect(model.current(key)).toEqual({ exists: true, version: 1, seqNo: 0, source: { a: 1 } });
    expect(model.violation(key, { found: false })).toBeDefined();
  });
});

describe('workload', () => {
  it('merges partial documents key by key', () => {
    expect(mergeDoc({ a: 1, o: { x: 1, y: 2 }, l: [1] }, { o: { y: 3 }, l: [2], b: 2 })).toEqual({ a: 1, o: { x: 1, y: 3 }, l: [2], b: 2 });
  });

  it('only updates or deletes documents the model says exist', () => {
    const model = new DurabilityModel();
    const rng = new Random(7);
    const docs = ownedDocs(0);
    for (let i = 0; i < 200; i++) {
      const op = nextOp(rng, model, docs, 0, i);
      const singles = op.kind === 'bulk' ? op.items : [op];
      for (const single of singles) {
        if (single.kind === 'bulk') throw new Error('nested bulk');
        const exists = model.current(DurabilityModel.key(single.index, single.id))?.exists === true;
        if (single.kind !== 'index') expect(exists).toBe(true);
        const outcome = predictedOutcome(model, single);
        model.recordAck(DurabilityModel.key(single.index, single.id), { ...outcome, version: i + 1, seqNo: i });
      }
    }
  });

  it('writes bulk bodies as NDJSON ending with a newline', () => {
    expect(
      bulkBody([
        { kind: 'index', index: 'i', id: '1', source: { a: 1 } },
        { kind: 'update', index: 'i', id: '2', doc: { b: 2 } },
        { kind: 'delete', index: 'i', id: '3' },
      ]),
    ).toBe('{"index":{"_index":"i","_id":"1"}}\n{"a":1}\n{"update":{"_index":"i","_id":"2"}}\n{"doc":{"b":2}}\n{"delete":{"_index":"i","_id":"3"}}\n');
  });
});
