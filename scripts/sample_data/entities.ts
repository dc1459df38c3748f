/**
 * The simulated estate: ~500 hosts, ~300 users, agents, and the noisy "trap" entities that many unrelated
 * alerts share. Built once per seed from its own PRNG stream.
 */
import type { Prng } from './prng';

export type OsFamily = 'windows' | 'linux' | 'macos';

export interface Host {
  name: string;
  id: string;
  ip: string;
  mac: string;
  os: { family: OsFamily; name: string; version: string; platform: string; type: string; kernel: string };
  agent: { id: string; type: string; version: string; name: string };
  /** Cloud VMs carry `cloud.*` and hit the metadata service. */
  cloud?: { provider: 'aws'; accountId: string; region: string; instanceId: string };
}

export interface User {
  name: string;
  id: string;
  domain: string;
  fullName: string;
}

export interface Estate {
  hosts: Host[];
  windowsHosts: Host[];
  linuxHosts: Host[];
  macHosts: Host[];
  users: User[];
  /** Trap entities shared by many unrelated alerts. */
  traps: TrapEntities;
}

export interface TrapEntities {
  system: User;
  root: User;
  administrator: User;
  /** A log forwarder: one `agent.id` shipping syslog for hundreds of hosts. */
  logForwarder: { id: string; type: string; version: string; name: string };
  loopbackIp: string;
  metadataIp: string;
  /** The office NAT gateway: every remote user appears behind this IP. */
  natIp: string;
}

const DEPARTMENTS = ['fin', 'hr', 'eng', 'mkt', 'ops', 'sales', 'legal', 'it'];
const SERVER_ROLES = ['file', 'dc', 'sql', 'exch', 'app', 'print', 'web', 'rds'];
const LINUX_ROLES = ['web', 'app', 'db', 'k8s', 'ci', 'cache', 'bastion', 'log'];
const FIRST = ['james', 'mary', 'robert', 'patricia', 'john', 'jennifer', 'michael', 'linda', 'david', 'elizabeth', 'william', 'barbara', 'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah', 'charles', 'karen', 'chris', 'nancy', 'daniel', 'lisa', 'matthew', 'betty', 'anthony', 'margaret', 'mark', 'sandra', 'wei', 'priya', 'ahmed', 'sofia', 'kenji', 'olga', 'lucas', 'amara', 'mateo', 'yuki'];
const LAST = ['smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez', 'martinez', 'hernandez', 'lopez', 'gonzalez', 'wilson', 'anderson', 'thomas', 'taylor', 'moore', 'jackson', 'martin', 'lee', 'perez', 'thompson', 'white', 'harris', 'sanchez', 'clark', 'ramirez', 'lewis', 'robinson', 'chen', 'patel', 'khan', 'rossi', 'tanaka', 'ivanova', 'silva', 'okafor', 'costa', 'sato'];

export const DOMAIN = 'CORP';
export const DOMAIN_SID = 'S-1-5-21-3623811015-3361044348-30300820';

function macAddress(prng: Prng): string {
  return prng.hex(12).match(/../g)?.join('-').toUpperCase() ?? '';
}

function makeHost(prng: Prng, name: string, family: OsFamily, ip: string, cloud: boolean): Host {
  const os =
    family === 'windows'
      ? name.startsWith('srv-')
        ? { family, name: 'Windows Server 2022 Datacenter', version: '21H2', platform: 'windows', type: 'windows', kernel: '10.0.20348.2402' }
        : { family, name: 'Windows 11 Enterprise', version: '23H2', platform: 'windows', type: 'windows', kernel: '10.0.22631.3880' }
      : family === 'linux'
        ? { family: 'linux' as const, name: 'Ubuntu', version: '22.04.4 LTS (Jammy Jellyfish)', platform: 'ubuntu', type: 'linux', kernel: '5.15.0-113-generic' }
        : { family: 'macos' as const, name: 'macOS', version: '14.5', platform: 'darwin', type: 'macos', kernel: '23.5.0' };
  const host: Host = {
    name,
    id: prng.hex(32),
    ip,
    mac: macAddress(prng),
    os,
    agent: { id: prng.uuid(), type: 'endpoint', version: '8.15.1', name },
  };
  if (cloud) {
    host.cloud = { provider: 'aws', accountId: '123456789012', region: prng.pick(['us-east-1', 'eu-west-1']), instanceId: `i-0${prng.hex(16)}` };
  }
  return host;
}

export function buildEstate(prng: Prng): Estate {
  const hosts: Host[] = [];
  const usedNames = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const name = make();
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  let hostNo = 0;
  const ipFor = (site: number): string => {
    hostNo++;
    return `10.${site}.${Math.floor(hostNo / 250) + 1}.${(hostNo % 250) + 2}`;
  };
  for (let i = 0; i < 300; i++) {
    const name = unique(() => `ws-${prng.pick(DEPARTMENTS)}-${String(prng.int(1, 9999)).padStart(4, '0')}`);
    hosts.push(makeHost(prng, name, 'windows', ipFor(20), false));
  }
  for (let i = 0; i < 60; i++) {
    const name = unique(() => `srv-${prng.pick(SERVER_ROLES)}-${String(prng.int(1, 99)).padStart(2, '0')}`);
    hosts.push(makeHost(prng, name, 'windows', ipFor(30), false));
  }
  for (let i = 0; i < 110; i++) {
    const name = unique(() => `lnx-${prng.pick(LINUX_ROLES)}-${String(prng.int(1, 99)).padStart(2, '0')}`);
    hosts.push(makeHost(prng, name, 'linux', ipFor(40), prng.chance(0.6)));
  }
  for (let i = 0; i < 30; i++) {
    const name = unique(() => `mac-${prng.pick(DEPARTMENTS)}-${String(prng.int(1, 9999)).padStart(4, '0')}`);
    hosts.push(makeHost(prng, name, 'macos', ipFor(50), false));
  }

  const users: User[] = [];
  const userNames = new Set<string>();
  while (users.length < 300) {
    const first = prng.pick(FIRST);
    const last = prng.pick(LAST);
    const name = `${first[0]}${last}`;
    if (userNames.has(name)) continue;
    userNames.add(name);
    users.push({ name, id: `${DOMAIN_SID}-${1100 + users.length}`, domain: DOMAIN, fullName: `${cap(first)} ${cap(last)}` });
  }

  return {
    hosts,
    windowsHosts: hosts.filter((h) => h.os.family === 'windows'),
    linuxHosts: hosts.filter((h) => h.os.family === 'linux'),
    macHosts: hosts.filter((h) => h.os.family === 'macos'),
    users,
    traps: {
      system: { name: 'SYSTEM', id: 'S-1-5-18', domain: 'NT AUTHORITY', fullName: 'Local System' },
      root: { name: 'root', id: '0', domain: '', fullName: 'root' },
      administrator: { name: 'Administrator', id: `${DOMAIN_SID}-500`, domain: DOMAIN, fullName: 'Built-in Administrator' },
      logForwarder: { id: prng.uuid(), type: 'filebeat', version: '8.15.1', name: 'log-forwarder-01' },
      loopbackIp: '127.0.0.1',
      metadataIp: '169.254.169.254',
      natIp: '198.51.100.77',
    },
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
