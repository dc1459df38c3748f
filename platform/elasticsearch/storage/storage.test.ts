import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32c } from './crc32c';
import { decodeRecords, encodeRecord, WalCorruptionError } from './wal_codec';
import { DataStore } from './data_store';
import { acquireNodeLock, NodeLockError } from './node_lock';
import { TextRecord, decodeLogEntry, encodeLogEntry } from './log_entry';

const quiet = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'es-storage-'));
}

describe('crc32c', () => {
  it('matches the standard check value', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
  });
  it('is the same sliced and byte-by-byte', () => {
    const data = Buffer.from('The quick brown fox jumps over the lazy dog, twice over: 0123456789');
    let crc = 0;
    for (let i = 0; i < data.length; i++) crc = crc32c(data.subarray(i, i + 1), crc);
    expect(crc).toBe(crc32c(data));
  });
});

describe('wal framing', () => {
  const a = Buffer.from('{"op":"a"}');
  const b = Buffer.from('{"op":"bb"}');
  it('round-trips records', () => {
    const log = Buffer.concat([encodeRecord(a), encodeRecord(b)]);
    const decoded = decodeRecords(log, 'x');
    expect(decoded.records.map(String)).toEqual([String(a), String(b)]);
    expect(decoded.tornTail).toBeUndefined();
    expect(decoded.validLength).toBe(log.length);
  });
  it('detects a torn tail at every cut point', () => {
    const full = Buffer.concat([encodeRecord(a), encodeRecord(b)]);
    const firstLen = encodeRecord(a).length;
    for (let cut = firstLen + 1; cut < full.length; cut++) {
      const decoded = decodeRecords(full.subarray(0, cut), 'x');
      expect(decoded.records.map(String)).toEqual([String(a)]);
      expect(decoded.tornTail?.offset).toBe(firstLen);
      expect(decoded.validLength).toBe(firstLen);
    }
  });
  it('treats a checksum mismatch in the last record as torn and in the middle as corruption', () => {
    const last = Buffer.concat([encodeRecord(a), encodeRecord(b)]);
    last[last.length - 2] ^= 0x01;
    expect(decodeRecords(last, 'x').tornTail?.reason).toMatch(/checksum/);
    const middle = Buffer.concat([encodeRecord(a), encodeRecord(b)]);
    middle[10] ^= 0x01;
    expect(() => decodeRecords(middle, 'wal-1.log')).toThrow(WalCorruptionError);
    expect(() => decodeRecords(middle, 'wal-1.log')).toThrow(/wal-1.log\] is corrupted at byte 0/);
  });
  it('treats a zero-filled tail as torn', () => {
    const log = Buffer.concat([encodeRecord(a), Buffer.alloc(100)]);
    const decoded = decodeRecords(log, 'x');
    expect(decoded.records).toHaveLength(1);
    expect(decoded.tornTail?.reason).toBe('zero-filled tail');
  });
});

describe('node lock', () => {
  it('refuses a second holder and takes over a stale lock', () => {
    const dir = tempDir();
    const lock = acquireNodeLock(dir);
    expect(() => acquireNodeLock(dir)).toThrow(NodeLockError);
    lock.release();
    // A pid that cannot be alive: the lock is stale.
    fs.writeFileSync(path.join(dir, 'node.lock'), '999999999');
    const again = acquireNodeLock(dir);
    expect(fs.readFileSync(path.join(dir, 'node.lock'), 'utf8')).toBe(String(process.pid));
    again.release();
    expect(fs.existsSync(path.join(dir, 'node.lock'))).toBe(false);
  });
});

describe('DataStore', () => {
  it('replays appended records after reopening', async () => {
    const dir = tempDir();
    const { store, recovered } = await DataStore.open(dir, quiet);
    expect(recovered).toEqual({ snapshot: undefined, records: [], tornTails: 0 });
    await Promise.all([store.append([{ n: 1 }]), store.append([{ n: 2 }, { n: 3 }])]);
    await store.close();
    const second = await DataStore.open(dir, quiet);
    expect(second.recovered.records).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await second.store.close();
  });

  it('group-commits concurrent appends into fewer syncs', async () => {
    const dir = tempDir();
    const { store } = await DataStore.open(dir, quiet);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.append([{ i }])));
    expect(store.syncCount).toBeLessThan(50);
    expect(store.syncCount).toBeGreaterThanOrEqual(1);
    await store.close();
  });

  it('snapshots, trims the log and replays only newer records', async () => {
    const dir = tempDir();
    const { store } = await DataStore.open(dir, quiet);
    await store.append([{ n: 1 }]);
    let state = { total: 1 };
    const capture = (): string[] => [JSON.stringify({ ...state }), JSON.stringify({ part: 2 })];
    const flushed = store.flush(capture);
    const after = store.append([{ n: 2 }]);
    state = { total: 2 };
    await Promise.all([flushed, after]);
    await store.close();
    expect(fs.readdirSync(path.join(dir, 'wal'))).toEqual(['wal-0000000001.log']);
    const second = await DataStore.open(dir, quiet);
    expect(second.recovered.snapshot).toEqual([{ total: 1 }, { part: 2 }]);
    expect(second.recovered.records).toEqual([{ n: 2 }]);
    await second.store.close(capture);
    const third = await DataStore.open(dir, quiet);
    expect(third.recovered).toEqual({ snapshot: [{ total: 2 }, { part: 2 }], records: [], tornTails: 0 });
    await third.store.close();
  });

  it('drops a torn tail with a warning and keeps appending after it', async () => {
    const dir = tempDir();
    const { store } = await DataStore.open(dir, quiet);
    await store.append([{ n: 1 }, { n: 2 }]);
    await store.close();
    const file = path.join(dir, 'wal', 'wal-0000000000.log');
    fs.truncateSync(file, fs.statSync(file).size - 3);
    const warn = jest.fn();
    const second = await DataStore.open(dir, { ...quiet, warn });
    expect(second.recovered.records).toEqual([{ n: 1 }]);
    expect(second.recovered.tornTails).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/torn record/), expect.objectContaining({ file: 'wal-0000000000.log' }));
    await second.store.append([{ n: 3 }]);
    await second.store.close();
    const third = await DataStore.open(dir, quiet);
    expect(third.recovered.records).toEqual([{ n: 1 }, { n: 3 }]);
    await third.store.close();
  });

  it('refuses to start on corruption before the tail', async () => {
    const dir = tempDir();
    const { store } = await DataStore.open(dir, quiet);
    await store.append([{ n: 1 }, { n: 2 }]);
    await store.close();
    const file = path.join(dir, 'wal', 'wal-0000000000.log');
    const bytes = fs.readFileSync(file);
    bytes[9] ^= 0xff;
    fs.writeFileSync(file, bytes);
    await expect(DataStore.open(dir, quiet)).rejects.toThrow(/corrupted at byte 0 \(checksum mismatch\)/);
    // The lock was released so a repaired directory can be opened again.
    expect(fs.existsSync(path.join(dir, 'node.lock'))).toBe(false);
    const error = jest.fn();
    const repaired = await DataStore.open(dir, { ...quiet, error }, { repair: true });
    expect(repaired.recovered.records).toEqual([]);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^Repair/), expect.objectContaining({ offset: 0, reason: 'checksum mismatch' }));
    await repaired.store.append([{ n: 3 }]);
    await repaired.store.close();
    const after = await DataStore.open(dir, quiet);
    expect(after.recovered.records).toEqual([{ n: 3 }]);
    await after.store.close();
  });
});

describe('log entries', () => {
  it('stores a TextRecord text verbatim after its header and reads both shapes back', async () => {
    const source = '{"n":9007199254740993,\n "s":"quote \\" and é"}';
    const payload = encodeLogEntry(new TextRecord({ op: 'index', id: 'a\nb' }, source));
    expect(payload.startsWith('T{"op":"index","id":"a\\nb"}\n')).toBe(true);
    expect(payload.endsWith(source)).toBe(true);
    expect(decodeLogEntry(Buffer.from(payload))).toEqual(new TextRecord({ op: 'index', id: 'a\nb' }, source));
    expect(decodeLogEntry(Buffer.from(encodeLogEntry({ op: 'x', v: [1] })))).toEqual({ op: 'x', v: [1] });

    const dir = tempDir();
    const { store } = await DataStore.open(dir, quiet);
    await store.append([{ n: 1 }, new TextRecord({ op: 'index' }, source), { n: 2 }]);
    await store.close();
    const second = await DataStore.open(dir, quiet);
    expect(second.recovered.records).toEqual([{ n: 1 }, new TextRecord({ op: 'index' }, source), { n: 2 }]);
    expect(second.recovered.records[1]).toBeInstanceOf(TextRecord);
    await second.store.close();
  });

  it('keeps a text with lone surrogates exact (stored escaped, since UTF-8 cannot carry it)', () => {
    const text = '{"s":"\ud800x"}';
    const payload = encodeLogEntry(new TextRecord({ op: 'index' }, text));
    expect(payload[0]).toBe('J');
    const back = decodeLogEntry(Buffer.from(payload, 'utf8'));
    expect(back).toBeInstanceOf(TextRecord);
    expect((back as TextRecord).text).toBe(text);
    // A well-formed pair is fine verbatim.
    expect(encodeLogEntry(new TextRecord({}, '"\ud83d\ude00"'))[0]).toBe('T');
  });

  it('rejects a text record without its header terminator', () => {
    expect(() => decodeLogEntry(Buffer.from('T{"op":"index"}'))).toThrow(SyntaxError);
  });
});
