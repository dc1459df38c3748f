import { WriteLedger } from './fault_write_ledger';

describe('WriteLedger', () => {
  const stored = (entries: Array<[string, unknown]>) => new Map<string, unknown>(entries);

  it('verifies acknowledged content, and accepts a later attempted revision or an unacknowledged write', () => {
    const ledger = new WriteLedger();
    const a1 = ledger.attempt('a', 0, 'one');
    ledger.acknowledge(a1);
    const a2 = ledger.attempt('a', 0, 'two'); // in flight at the kill
    const b1 = ledger.attempt('b', 1, 'only attempted');
    const report = ledger.verify(stored([
      ['a', { ...a2 }],
      ['b', { ...b1 }],
    ]));
    expect(report).toMatchObject({ acknowledged: 1, verified: 1, lost: [], corrupt: [], unacknowledgedPresent: 1, acknowledgedWrites: 1, attemptedWrites: 3 });
  });

  it('reports a missing or older acknowledged document as lost', () => {
    const ledger = new WriteLedger();
    const a1 = ledger.attempt('a', 0, 'one');
    ledger.acknowledge(a1);
    const a2 = ledger.attempt('a', 0, 'two');
    ledger.acknowledge(a2);
    ledger.acknowledge(ledger.attempt('b', 0, 'gone'));
    const report = ledger.verify(stored([
      ['a', { ...a1 }],
      ['b', undefined],
    ]));
    expect(report.lost).toEqual([
      { key: 'a', acknowledgedRev: 2, found: 1 },
      { key: 'b', acknowledgedRev: 1, found: 'missing' },
    ]);
    expect(report.verified).toBe(0);
  });

  it('reports bodies that match no attempt, fail their checksum, or were never written as corrupt', () => {
    const ledger = new WriteLedger();
    const a = ledger.attempt('a', 0, 'payload');
    ledger.acknowledge(a);
    const b = ledger.attempt('b', 0, 'payload');
    ledger.acknowledge(b);
    const report = ledger.verify(
      stored([
        ['a', { ...a, payload: 'payloaX' }],
        ['b', { ...b, rev: 7 }],
      ]),
      ['ghost'],
    );
    expect(report.corrupt.map((c) => c.key).sort()).toEqual(['a', 'b', 'ghost']);
    expect(report.verified).toBe(0);
  });
});
