/** Builders for the nested ECS parts of a source event. Scenarios compose them into `AlertSpec.ecs`. */
import type { Host, User } from './entities';
import type { Prng } from './prng';

export function hostEcs(host: Host): Record<string, unknown> {
  const out: Record<string, unknown> = {
    host: {
      name: host.name,
      hostname: host.name,
      id: host.id,
      ip: [host.ip],
      mac: [host.mac],
      architecture: 'x86_64',
      os: { ...host.os, full: `${host.os.name} ${host.os.version}` },
    },
    agent: { ...host.agent },
  };
  if (host.cloud) {
    out.cloud = {
      provider: host.cloud.provider,
      account: { id: host.cloud.accountId },
      region: host.cloud.region,
      instance: { id: host.cloud.instanceId },
      service: { name: 'EC2' },
    };
  }
  return out;
}

export function userEcs(user: User): Record<string, unknown> {
  const u: Record<string, unknown> = { name: user.name, id: user.id };
  if (user.domain) u.domain = user.domain;
  return { user: u };
}

export interface ProcessSpec {
  name: string;
  executable: string;
  args: string[];
  pid?: number;
  /** The endpoint's id of this process: the same process seen by several rules carries the same id. */
  entityId?: string;
  workingDirectory?: string;
  parent?: { name: string; executable?: string; args?: string[]; pid?: number; entityId?: string };
}

/** ECS `process` with consistent entity ids, pids, command lines and hashes. */
export function processEcs(prng: Prng, spec: ProcessSpec): Record<string, unknown> {
  const pid = spec.pid ?? prng.int(1000, 65000);
  const entityId = prng.hex(40);
  const process: Record<string, unknown> = {
    entity_id: spec.entityId ?? entityId,
    pid,
    name: spec.name,
    executable: spec.executable,
    args: spec.args,
    args_count: spec.args.length,
    command_line: spec.args.join(' '),
    hash: { sha256: prng.hex(64), md5: prng.hex(32) },
  };
  if (spec.workingDirectory) process.working_directory = spec.workingDirectory;
  if (spec.parent) {
    const parentArgs = spec.parent.args ?? [spec.parent.executable ?? spec.parent.name];
    const parentEntityId = prng.hex(40);
    process.parent = {
      entity_id: spec.parent.entityId ?? parentEntityId,
      pid: spec.parent.pid ?? prng.int(400, 20000),
      name: spec.parent.name,
      executable: spec.parent.executable ?? spec.parent.name,
      args: parentArgs,
      command_line: parentArgs.join(' '),
    };
  }
  return { process };
}

export interface EventSpec {
  category: string[];
  type: string[];
  action: string;
  outcome?: 'success' | 'failure' | 'unknown';
  dataset: string;
  module: string;
  code?: string;
}

/** The endpoint's process-start event, the most common source event of the scenarios. */
export function endpointProcessStart(extra: Partial<EventSpec> = {}): EventSpec {
  return { category: ['process'], type: ['start'], action: 'start', dataset: 'endpoint.events.process', module: 'endpoint', ...extra };
}

export function eventEcs(prng: Prng, spec: EventSpec): Record<string, unknown> {
  const event: Record<string, unknown> = {
    kind: 'signal',
    category: spec.category,
    type: spec.type,
    action: spec.action,
    dataset: spec.dataset,
    module: spec.module,
    id: prng.hex(20),
  };
  if (spec.outcome) event.outcome = spec.outcome;
  if (spec.code) event.code = spec.code;
  return { event };
}

export function networkEcs(opts: {
  sourceIp: string;
  sourcePort?: number;
  destinationIp: string;
  destinationPort: number;
  transport?: string;
  protocol?: string;
  direction?: 'ingress' | 'egress' | 'internal' | 'external';
  bytes?: number;
  destinationGeo?: { country: string; city?: string };
  destinationAs?: { number: number; org: string };
  sourceGeo?: { country: string; city?: string };
}): Record<string, unknown> {
  const source: Record<string, unknown> = { ip: opts.sourceIp, port: opts.sourcePort ?? 49152 + (opts.destinationPort % 1000) };
  if (opts.sourceGeo) source.geo = { country_iso_code: opts.sourceGeo.country, city_name: opts.sourceGeo.city };
  const destination: Record<string, unknown> = { ip: opts.destinationIp, port: opts.destinationPort };
  if (opts.destinationGeo) destination.geo = { country_iso_code: opts.destinationGeo.country, city_name: opts.destinationGeo.city };
  if (opts.destinationAs) destination.as = { number: opts.destinationAs.number, organization: { name: opts.destinationAs.org } };
  const network: Record<string, unknown> = { transport: opts.transport ?? 'tcp', direction: opts.direction ?? 'egress' };
  if (opts.protocol) network.protocol = opts.protocol;
  if (opts.bytes !== undefined) network.bytes = opts.bytes;
  return { source, destination, network };
}

export function fileEcs(prng: Prng, path: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const sep = path.includes('\\') ? '\\' : '/';
  const name = path.slice(path.lastIndexOf(sep) + 1);
  const dot = name.lastIndexOf('.');
  const file: Record<string, unknown> = {
    path,
    name,
    directory: path.slice(0, path.lastIndexOf(sep)),
    size: prng.int(512, 4_000_000),
    hash: { sha256: prng.hex(64) },
    ...extra,
  };
  if (dot > 0) file.extension = name.slice(dot + 1);
  return { file };
}

/** Deep-merges ECS parts; later parts win on scalar conflicts. */
export function mergeEcs(...parts: Array<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of parts) mergeInto(out, part);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(value)) mergeInto(existing, value);
    else target[key] = isPlainObject(value) ? mergeEcs(value) : value;
  }
}

/** Windows-style base64 of UTF-16LE text, as `powershell -EncodedCommand` expects. */
export function encodePowerShell(script: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < script.length; i++) {
    const c = script.charCodeAt(i);
    bytes.push(c & 0xff, c >> 8);
  }
  return base64(bytes);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function base64(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += B64[(n >> 18) & 63];
    out += B64[(n >> 12) & 63];
    out += b1 === undefined ? '=' : B64[(n >> 6) & 63];
    out += b2 === undefined ? '=' : B64[n & 63];
  }
  return out;
}
