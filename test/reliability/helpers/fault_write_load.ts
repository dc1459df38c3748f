import type { LedgerDoc, WriteLedger } from './fault_write_ledger';

export interface WriteLoadOptions {
  url: string;
  index: string;
  ledger: WriteLedger;
  /** Concurrent writers, each with one request in flight at a time (default 6). */
  writers?: number;
  /** Prefix of the document ids this load creates (distinct per round so rounds can overwrite each other's keys). */
  keyPrefix: string;
  /** Keys (from earlier rounds) writer n may overwrite: `reuse[n]`. */
  reuse?: ReadonlyArray<readonly string[]>;
  random: () => number;
}

export interface WriteLoad {
  /** Requests that got an answer (any status). */
  readonly answered: number;
  /** Requests that failed at the connection (the engine died under them). */
  readonly connectionFailures: number;
  /** Resolves when every writer has ended, after `stop()` or after its connection failed. */
  done(): Promise<void>;
  /** Stops starting new requests; resolves when in-flight ones ended. */
  stop(): Promise<void>;
  /** Keys owned by writer n (for a later round). */
  keysOf(writer: number): readonly string[];
}

/** Seeded PRNG (mulberry32), so a failing run can be replayed from its printed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789 éü€✓"\\\n{}';

function payloadOf(random: () => number): string {
  const length = 20 + Math.floor(random() * 1500);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return out;
}

/**
 * Concurrent `_bulk` and single-document index requests against the engine, every attempt and acknowledgement
 * recorded in the ledger. A write counts as acknowledged only on a 2xx answer with no item error.
 */
export function startWriteLoad(options: WriteLoadOptions): WriteLoad {
  const { url, index, ledger, random } = options;
  const writerCount = options.writers ?? 6;
  let running = true;
  let answered = 0;
  let connectionFailures = 0;
  const owned: string[][] = Array.from({ length: writerCount }, (_, n) => [...(options.reuse?.[n] ?? [])]);
  let nextKey = 0;

  const pickKeys = (writer: number, count: number): string[] => {
    const keys = new Set<string>();
    for (let i = 0; i < count; i++) {
      const mine = owned[writer];
      if (mine.length > 0 && random() < 0.4) {
        keys.add(mine[Math.floor(random() * mine.length)]);
      } else {
        const key = `${options.keyPrefix}-w${writer}-${nextKey++}`;
        mine.push(key);
        keys.add(key);
      }
    }
    return [...keys];
  };

  const docBody = (doc: LedgerDoc) => JSON.stringify(doc);

  const bulk = async (writer: number): Promise<void> => {
    const docs = pickKeys(writer, 5 + Math.floor(random() * 40)).map((key) => ledger.attempt(key, writer, payloadOf(random)));
    const body = docs.map((doc) => `${JSON.stringify({ index: { _index: index, _id: doc.key } })}\n${docBody(doc)}\n`).join('');
    const res = await fetch(`${url}/_bulk`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    const text = await res.text();
    answered += 1;
    if (res.status < 200 || res.status >= 300) return;
    const parsed = JSON.parse(text) as { items: Array<{ index?: { status: number; error?: unknown } }> };
    parsed.items.forEach((item, i) => {
      const result = item.index;
      if (result && result.status >= 200 && result.status < 300 && result.error === undefined) ledger.acknowledge(docs[i]);
    });
  };

  const single = async (writer: number): Promise<void> => {
    const [key] = pickKeys(writer, 1);
    const doc = ledger.attempt(key, writer, payloadOf(random));
    const res = await fetch(`${url}/${index}/_doc/${encodeURIComponent(key)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: docBody(doc),
    });
    await res.text();
    answered += 1;
    if (res.status >= 200 && res.status < 300) ledger.acknowledge(doc);
  };

  const writerLoop = async (writer: number): Promise<void> => {
    while (running) {
      try {
        await (random() < 0.6 ? bulk(writer) : single(writer));
      } catch {
        // The engine went away under this request: its writes stay unacknowledged, and so does everything after.
        connectionFailures += 1;
        return;
      }
    }
  };

  const all = Promise.all(Array.from({ length: writerCount }, (_, n) => writerLoop(n))).then(() => undefined);
  return {
    get answered() {
      return answered;
    },
    get connectionFailures() {
      return connectionFailures;
    },
    done: () => all,
    stop: async () => {
      running = false;
      await all;
    },
    keysOf: (writer) => owned[writer],
  };
}

/** Reads every key back with `_mget` (realtime, in chunks), returning key → `_source` or undefined. */
export async function readBack(url: string, index: string, keys: readonly string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const res = await fetch(`${url}/${index}/_mget`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: chunk }),
    });
    if (res.status !== 200) throw new Error(`_mget answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { docs: Array<{ _id: string; found: boolean; _source?: unknown }> };
    for (const doc of body.docs) out.set(doc._id, doc.found ? doc._source : undefined);
  }
  return out;
}
