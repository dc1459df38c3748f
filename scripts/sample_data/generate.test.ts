import { createHash } from 'node:crypto';
import { MAPPED_ALERT_FIELDS } from '../../platform/plugins/security_solution/server/alerts_index';
import { generateSampleAlerts, GroundTruthCollector, minimumSampleCount, SCENARIO_IDS, type SampleAlert } from './index';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const DAY = 86_400_000;

function collect(count: number, seed: number | string = 42, spaceId = 'default'): SampleAlert[] {
  return [...generateSampleAlerts({ count, seed, spaceId, now: NOW })];
}

function get(doc: Record<string, unknown>, path: string): unknown {
  if (path in doc) return doc[path];
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function leafPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) leafPaths(v, prefix, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) leafPaths(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.add(prefix);
  }
  return out;
}

const corpus = collect(5000);
const byRole = (role: string) => corpus.filter((a) => a.label.role === role);

describe('generateSampleAlerts', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const digest = (alerts: SampleAlert[]) => createHash('sha256').update(JSON.stringify(alerts.map((a) => a.doc))).digest('hex');
    expect(digest(collect(1500, 7))).toBe(digest(collect(1500, 7)));
    expect(digest(collect(1500, 7))).not.toBe(digest(collect(1500, 8)));
  });

  it('yields exactly count alerts with unique ids equal to kibana.alert.uuid, lazily', () => {
    expect(corpus).toHaveLength(5000);
    expect(new Set(corpus.map((a) => a.id)).size).toBe(5000);
    expect(corpus.filter((a) => a.doc['kibana.alert.uuid'] !== a.id)).toEqual([]);
    const it = generateSampleAlerts({ count: 1_000_000, seed: 1, spaceId: 'default', now: NOW });
    expect(it.next().done).toBe(false);
  });

  it('rejects a count smaller than the scenarios need', () => {
    const min = minimumSampleCount(42, NOW);
    expect(min).toBeGreaterThan(100);
    expect(() => collect(min - 1)).toThrow(/too small for the labelled scenarios/);
    expect(collect(min)).toHaveLength(min);
  });

  it('writes every required field, kibana.* as flat keys and ECS as nested objects', () => {
    const required = ['@timestamp', 'kibana.alert.uuid', 'kibana.alert.start', 'kibana.alert.original_time', 'kibana.alert.status', 'kibana.alert.workflow_status', 'kibana.alert.workflow_tags', 'kibana.alert.severity', 'kibana.alert.risk_score', 'kibana.alert.reason', 'kibana.alert.rule.uuid', 'kibana.alert.rule.rule_id', 'kibana.alert.rule.name', 'kibana.alert.rule.description', 'kibana.alert.rule.type', 'kibana.alert.rule.category', 'kibana.alert.rule.severity', 'kibana.alert.rule.risk_score', 'kibana.alert.rule.references', 'kibana.alert.rule.threat', 'kibana.space_ids', 'kibana.alert.ancestors'];
    // Violations are collected so one expect covers 5,000 documents (jest's expect is slow in loops).
    const problems: string[] = [];
    for (const { id, doc } of corpus) {
      for (const field of required) if (doc[field] === undefined) problems.push(`${id}: missing ${field}`);
      if (doc.kibana !== undefined) problems.push(`${id}: nested kibana object`);
      if (get(doc, 'event.kind') !== 'signal') problems.push(`${id}: event.kind`);
      if (doc['kibana.alert.status'] !== 'active') problems.push(`${id}: status`);
      if (JSON.stringify(doc['kibana.space_ids']) !== '["default"]') problems.push(`${id}: space_ids`);
      for (const k of Object.keys(doc)) if (!k.startsWith('kibana.') && !k.startsWith('Esql.') && k.includes('.')) problems.push(`${id}: flat ECS key ${k}`);
      if (doc['kibana.alert.workflow_status'] === 'closed' && typeof doc['kibana.alert.workflow_reason'] !== 'string') problems.push(`${id}: closed without reason`);
    }
    expect(problems).toEqual([]);
    const host = corpus.find((a) => a.label.role === 'lsass-dump')?.doc.host as Record<string, unknown>;
    expect(host).toEqual(expect.objectContaining({ name: expect.any(String), id: expect.any(String), os: expect.objectContaining({ family: 'windows' }) }));
  });

  it('covers every rule type; esql alerts carry only a few fields', () => {
    const types = new Set(corpus.map((a) => a.doc['kibana.alert.rule.type']));
    expect([...types].sort()).toEqual(['eql', 'esql', 'machine_learning', 'new_terms', 'query', 'threat_match', 'threshold']);
    const esql = corpus.filter((a) => a.doc['kibana.alert.rule.type'] === 'esql');
    expect(esql.length).toBeGreaterThan(10);
    const maxLeaves = Math.max(...esql.map(({ doc }) => [...leafPaths(doc)].filter((p) => !p.startsWith('kibana.') && p !== '@timestamp' && p !== 'ecs.version').length));
    expect(maxLeaves).toBeLessThanOrEqual(6);
    expect(esql.every(({ doc }) => Object.keys(doc).some((k) => k.startsWith('Esql.')))).toBe(true);
  });

  it('maps every generated field (the mapping and the generator stay in sync)', () => {
    const mapped = new Set(MAPPED_ALERT_FIELDS);
    const unmapped = new Set<string>();
    for (const { doc } of corpus) {
      for (const p of leafPaths(doc)) {
        if (p.startsWith('Esql.') || p.startsWith('aws.cloudtrail.flattened.')) continue;
        if (!mapped.has(p)) unmapped.add(p);
      }
    }
    expect([...unmapped]).toEqual([]);
  });

  it('keeps labels out of the documents', () => {
    const incidents = [...new Set(corpus.map((a) => a.label.incident).filter(Boolean))];
    // Every scenario has an incident; bruteforce has one per attacked host.
    expect(new Set(corpus.filter((a) => a.label.incident).map((a) => a.label.scenario)).size).toBe(SCENARIO_IDS.length);
    expect(incidents.length).toBe(SCENARIO_IDS.length + 2);
    const leaks: string[] = [];
    for (const { id, doc } of corpus) {
      const text = JSON.stringify(doc);
      for (const word of [...incidents, ...SCENARIO_IDS]) if (text.includes(`"${word}"`)) leaks.push(`${id}: ${word}`);
      for (const key of leafPaths(doc)) if (/scenario|incident|verdict|expected|label|role/i.test(key)) leaks.push(`${id}: key ${key}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('scenario invariants', () => {
  it('ransomware moves laterally from A to B: A.source.ip = B.destination.ip', () => {
    const [a] = byRole('lateral-movement-source');
    const [b] = byRole('lateral-movement-target');
    if (!a || !b) throw new Error('missing lateral movement alerts');
    expect(get(a.doc, 'host.name')).not.toBe(get(b.doc, 'host.name'));
    expect(get(a.doc, 'source.ip')).toBe(get(b.doc, 'destination.ip'));
    expect(get(a.doc, 'destination.ip')).toEqual((get(b.doc, 'host.ip') as string[])[0]);
    const hostB = get(b.doc, 'host.name');
    for (const role of ['shadow-copy-deletion', 'mass-file-rename', 'remote-service-installed']) {
      expect(byRole(role).map((x) => get(x.doc, 'host.name'))).toEqual([hostB]);
    }
    const hostA = get(a.doc, 'host.name');
    for (const role of ['phishing-document', 'office-spawns-powershell', 'download-from-external-ip', 'lsass-dump']) {
      expect(byRole(role).map((x) => get(x.doc, 'host.name'))).toEqual([hostA]);
    }
    // B's copy from A's share mirrors A's connection to B.
    expect(get(b.doc, 'source.ip')).toBe(get(a.doc, 'destination.ip'));
    // One PowerShell process trips three rules; A's steps run as the victim, B's as the stolen admin account.
    const powershell = ['office-spawns-powershell', 'encoded-powershell', 'download-from-external-ip'].map((role) => get(byRole(role)[0]?.doc ?? {}, 'process.entity_id'));
    expect(new Set(powershell).size).toBe(1);
    const usersOf = (roles: string[]) => new Set(roles.map((role) => get(byRole(role)[0]?.doc ?? {}, 'user.id')));
    expect(usersOf(['phishing-document', 'office-spawns-powershell', 'lsass-dump', 'lateral-movement-source']).size).toBe(1);
    expect(usersOf(['lateral-movement-target', 'shadow-copy-deletion', 'mass-file-rename']).size).toBe(1);
    expect(get(byRole('mass-file-rename')[0]?.doc ?? {}, 'process.entity_id')).toBe(get(byRole('shadow-copy-deletion')[0]?.doc ?? {}, 'process.parent.entity_id'));
    expect(get(byRole('office-spawns-powershell')[0]?.doc ?? {}, 'process.parent.name')).toBe('WINWORD.EXE');
    expect(get(byRole('office-spawns-powershell')[0]?.doc ?? {}, 'process.command_line')).toMatch(/-EncodedCommand [A-Za-z0-9+/=]+/);
  });

  it('linux-revshell connects out to an external IP on 4444 from the web server', () => {
    const [shell] = byRole('reverse-shell');
    expect(get(shell?.doc ?? {}, 'destination.port')).toBe(4444);
    expect(String(get(shell?.doc ?? {}, 'destination.ip'))).not.toMatch(/^10\./);
    expect(get(byRole('web-server-spawns-shell')[0]?.doc ?? {}, 'process.parent.name')).toMatch(/php-fpm/);
  });

  it('cloud-takeover alerts have cloud and CloudTrail fields and no host', () => {
    const cloud = corpus.filter((a) => a.label.scenario === 'cloud-takeover');
    expect(cloud.map((a) => a.label.role)).toEqual(['root-console-login', 'iam-user-created', 'iam-policy-change', 's3-bucket-public']);
    for (const { doc } of cloud) {
      expect(doc.host).toBeUndefined();
      expect(get(doc, 'cloud.provider')).toBe('aws');
      expect(get(doc, 'aws.cloudtrail.user_identity.arn')).toMatch(/^arn:aws:iam::/);
    }
    // One root console session: the same principal (ARN and user.id) and session key on every call.
    for (const field of ['aws.cloudtrail.user_identity.arn', 'user.id', 'aws.cloudtrail.user_identity.access_key_id']) {
      expect(new Set(cloud.map((a) => get(a.doc, field))).size).toBe(1);
    }
  });

  it('bruteforce hits three hosts from one IP, then succeeds on one and adds a user there', () => {
    const fails = byRole('ssh-failure');
    expect(new Set(fails.map((a) => get(a.doc, 'host.name'))).size).toBe(3);
    expect(new Set(fails.map((a) => get(a.doc, 'source.ip'))).size).toBe(1);
    const success = byRole('ssh-success-after-failures')[0];
    const newUser = byRole('new-local-user')[0];
    expect(get(success?.doc ?? {}, 'source.ip')).toBe(get(fails[0]?.doc ?? {}, 'source.ip'));
    expect(get(newUser?.doc ?? {}, 'host.name')).toBe(get(success?.doc ?? {}, 'host.name'));
    // One guessed account per host, and the ground truth has one incident per host.
    for (const host of new Set(fails.map((a) => get(a.doc, 'host.name')))) {
      const onHost = corpus.filter((a) => a.label.scenario === 'bruteforce' && get(a.doc, 'host.name') === host);
      expect(new Set(onHost.map((a) => get(a.doc, 'user.name'))).size).toBe(1);
      expect(new Set(onHost.map((a) => a.label.incident)).size).toBe(1);
    }
    expect(success?.label.incident).toBe('bruteforce-1');
  });

  it('dns-c2 beacons to addresses its DGA queries resolved to', () => {
    const resolved = new Set(byRole('dga-query').flatMap((a) => get(a.doc, 'dns.resolved_ip') as string[]));
    const beacons = corpus.filter((a) => a.label.scenario === 'dns-c2' && a.label.role !== 'dga-query');
    expect(beacons.length).toBeGreaterThanOrEqual(2);
    for (const b of beacons) expect(resolved.has(String(get(b.doc, 'destination.ip')))).toBe(true);
    // One implant process makes the queries and the connections.
    const dns = corpus.filter((a) => a.label.scenario === 'dns-c2');
    expect(new Set(dns.map((a) => get(a.doc, 'process.entity_id'))).size).toBe(1);
  });

  it('admin-whoami spans 100+ hosts a day, older ones mostly closed as false positives, the last day open', () => {
    const whoami = corpus.filter((a) => a.label.scenario === 'admin-whoami');
    const lastDay = whoami.filter((a) => NOW - Date.parse(String(a.doc['kibana.alert.original_time'])) < DAY);
    expect(new Set(lastDay.map((a) => get(a.doc, 'host.name'))).size).toBeGreaterThanOrEqual(60);
    expect(lastDay.length).toBeGreaterThanOrEqual(100);
    expect(lastDay.every((a) => a.doc['kibana.alert.workflow_status'] === 'open')).toBe(true);
    const older = whoami.filter((a) => !lastDay.includes(a));
    const fp = older.filter((a) => a.doc['kibana.alert.workflow_reason'] === 'false_positive');
    expect(fp.length / older.length).toBeGreaterThan(0.5);
  });

  it('the single-alert scenarios have one alert; verdicts follow the spec', () => {
    const c = new GroundTruthCollector({ seed: 42, spaceId: 'default', now: NOW });
    corpus.forEach((a) => c.add(a));
    const m = c.toJSON();
    const verdict = Object.fromEntries(m.scenarios.map((s) => [s.id, s.expected_verdict]));
    expect(verdict).toEqual({ ransomware: 'true_positive', 'linux-revshell': 'true_positive', 'cloud-takeover': 'true_positive', bruteforce: 'true_positive', 'dns-c2': 'true_positive', 'ti-match': 'true_positive', 'admin-whoami': 'false_positive', 'vuln-scanner': 'false_positive', 'sccm-powershell': 'false_positive', 'ml-rare-process': 'inconclusive' });
    const sizes = Object.fromEntries(m.scenarios.map((s) => [s.id, s.incidents[0]?.alert_ids.length]));
    expect(sizes['ti-match']).toBe(1);
    expect(sizes['ml-rare-process']).toBe(1);
    expect(m.count).toBe(5000);
    expect(m.background.count + m.scenarios.reduce((n, s) => n + s.incidents.reduce((k, i) => k + i.alert_ids.length, 0), 0)).toBe(5000);
    expect(m.scenarios.find((s) => s.id === 'bruteforce')?.incidents.map((i) => i.incident)).toEqual(['bruteforce-1', 'bruteforce-2', 'bruteforce-3']);
  });
});

describe('traps and background', () => {
  const hostsWith = (pred: (d: Record<string, unknown>) => boolean) => new Set(corpus.filter((a) => pred(a.doc)).map((a) => get(a.doc, 'host.name')));

  it('noisy users, the log forwarder, loopback/metadata and NAT IPs are shared by many unrelated alerts', () => {
    expect(hostsWith((d) => get(d, 'user.name') === 'SYSTEM').size).toBeGreaterThan(150);
    expect(hostsWith((d) => get(d, 'user.name') === 'root').size).toBeGreaterThan(50);
    expect(hostsWith((d) => get(d, 'user.name') === 'Administrator').size).toBeGreaterThan(50);
    const forwarder = get(byRole('ssh-failure')[0]?.doc ?? {}, 'agent.id');
    expect(hostsWith((d) => get(d, 'agent.id') === forwarder).size).toBeGreaterThan(60);
    expect(corpus.filter((a) => get(a.doc, 'destination.ip') === '169.254.169.254').length).toBeGreaterThan(20);
    expect(corpus.filter((a) => get(a.doc, 'destination.ip') === '127.0.0.1').length).toBeGreaterThan(20);
    const natUsers = new Set(corpus.filter((a) => get(a.doc, 'source.ip') === '198.51.100.77').map((a) => get(a.doc, 'user.name')));
    expect(natUsers.size).toBeGreaterThan(50);
    // A true-positive story touches the traps too, so a naive graph would fan out.
    expect(byRole('remote-service-installed')[0]?.label.traps).toContain('user.name=SYSTEM');
    expect(byRole('metadata-credentials')[0]?.label.traps).toContain('destination.ip=169.254.169.254');
  });

  it('background has ~30 rules over hundreds of hosts and users, with closed (with reasons) and acknowledged alerts', () => {
    const bg = corpus.filter((a) => a.label.scenario === 'background');
    expect(new Set(bg.map((a) => a.doc['kibana.alert.rule.name'])).size).toBeGreaterThanOrEqual(28);
    expect(new Set(bg.map((a) => get(a.doc, 'host.name')).filter(Boolean)).size).toBeGreaterThan(400);
    expect(new Set(bg.map((a) => get(a.doc, 'user.name')).filter(Boolean)).size).toBeGreaterThan(250);
    const closed = bg.filter((a) => a.doc['kibana.alert.workflow_status'] === 'closed');
    expect(closed.length / bg.length).toBeGreaterThan(0.08);
    expect(new Set(closed.map((a) => a.doc['kibana.alert.workflow_reason'])).size).toBeGreaterThanOrEqual(4);
    expect(bg.some((a) => a.doc['kibana.alert.workflow_status'] === 'acknowledged')).toBe(true);
    const times = bg.map((a) => Date.parse(String(a.doc['kibana.alert.original_time'])));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 7 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
  });
});
