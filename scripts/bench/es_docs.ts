/**
 * Synthetic alert-shaped documents (~350 bytes of JSON each), generated deterministically from their
 * number so the bench can stream them to the engine and keep only compact columns for the brute-force
 * baseline.
 */
export const HOSTS = 1000;
export const USERS = 500;
export const RULES = 50;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const STATUSES = ['open', 'acknowledged', 'closed'] as const;
const PROCESSES = ['powershell.exe', 'cmd.exe', 'bash', 'sshd', 'python3', 'curl', 'rundll32.exe', 'svchost.exe', 'nginx', 'java'];
const WORDS = ['suspicious', 'process', 'spawned', 'encoded', 'command', 'outbound', 'connection', 'to', 'rare', 'domain', 'from', 'host'];

/** Start of the synthetic timeline; documents are spread one every 2.5 s (1M docs ≈ 29 days). */
export const TIME_START = Date.UTC(2026, 0, 1);
export const TIME_STEP_MS = 2500;

export const MAPPING = {
  properties: {
    '@timestamp': { type: 'date' },
    kibana: {
      properties: {
        alert: {
          properties: {
            uuid: { type: 'keyword' },
            rule: { properties: { name: { type: 'keyword' } } },
            severity: { type: 'keyword' },
            workflow_status: { type: 'keyword' },
            risk_score: { type: 'long' },
          },
        },
      },
    },
    host: { properties: { name: { type: 'keyword' } } },
    user: { properties: { name: { type: 'keyword' } } },
    source: { properties: { ip: { type: 'ip' } } },
    process: { properties: { name: { type: 'keyword' } } },
    message: { type: 'text' },
  },
};

/** Deterministic integer hash (xorshift-multiply) of (doc number, salt). */
function mix(n: number, salt: number): number {
  let h = Math.imul(n ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const hostName = (i: number): string => `host-${i}`;
export const userName = (i: number): string => `user-${i}`;
export const ruleName = (i: number): string => `rule-${i}`;

/** The fields the brute-force baseline scans, as compact columns. */
export class DocColumns {
  readonly timestamp: Float64Array;
  readonly host: Uint16Array;
  readonly user: Uint16Array;
  readonly rule: Uint8Array;
  readonly severity: Uint8Array;

  constructor(readonly size: number) {
    this.timestamp = new Float64Array(size);
    this.host = new Uint16Array(size);
    this.user = new Uint16Array(size);
    this.rule = new Uint8Array(size);
    this.severity = new Uint8Array(size);
  }
}

/** Builds document `n` as JSON text and records its scanned fields in the columns. */
export function alertJson(n: number, columns?: DocColumns): string {
  // Skewed popularity: a few hosts, users and rules dominate, as in real alert streams.
  const host = Math.floor(HOSTS * Math.pow(mix(n, 1) / 4294967296, 2));
  const user = Math.floor(USERS * Math.pow(mix(n, 2) / 4294967296, 1.5));
  const rule = mix(n, 3) % RULES;
  const severity = mix(n, 4) % 4;
  const timestamp = TIME_START + n * TIME_STEP_MS;
  if (columns !== undefined) {
    columns.timestamp[n] = timestamp;
    columns.host[n] = host;
    columns.user[n] = user;
    columns.rule[n] = rule;
    columns.severity[n] = severity;
  }
  const r = mix(n, 5);
  const doc = {
    '@timestamp': new Date(timestamp).toISOString(),
    'kibana.alert.uuid': `${mix(n, 6).toString(16).padStart(8, '0')}-${mix(n, 7).toString(16).padStart(8, '0')}`,
    'kibana.alert.rule.name': ruleName(rule),
    'kibana.alert.severity': SEVERITIES[severity],
    'kibana.alert.workflow_status': STATUSES[r % 3],
    'kibana.alert.risk_score': 21 + (r % 80),
    'host.name': hostName(host),
    'user.name': userName(user),
    'source.ip': `10.${(r >>> 8) & 255}.${(r >>> 16) & 255}.${host & 255}`,
    'process.name': PROCESSES[r % PROCESSES.length],
    message: `${WORDS[r % WORDS.length]} ${WORDS[(r >>> 4) % WORDS.length]} ${WORDS[(r >>> 8) % WORDS.length]} on ${hostName(host)}`,
  };
  return JSON.stringify(doc);
}

/** NDJSON `_bulk` body for documents [from, to). */
export function bulkBody(index: string, from: number, to: number, columns?: DocColumns): string {
  const parts: string[] = [];
  for (let n = from; n < to; n++) {
    parts.push(`{"index":{"_index":"${index}","_id":"a${n}"}}`, alertJson(n, columns));
  }
  return `${parts.join('\n')}\n`;
}
