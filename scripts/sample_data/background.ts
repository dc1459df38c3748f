/**
 * Benign background alerts from ~30 rules over ~500 hosts and ~300 users across 7 days, some closed with
 * reasons and some acknowledged. They deliberately reuse the trap entities (SYSTEM/root/Administrator,
 * the log forwarder's agent.id, loopback/metadata IPs, the NAT IP) so that weak links are everywhere.
 */
import type { Estate, Host, User } from './entities';
import { endpointProcessStart, eventEcs, fileEcs, hostEcs, mergeEcs, networkEcs, processEcs, userEcs } from './ecs';
import type { Prng } from './prng';
import { BACKGROUND_RULES, type BackgroundRule } from './rules';
import { DAY, HOUR } from './scenarios';
import type { AlertSpec } from './types';

export interface BackgroundAlertSpec extends AlertSpec {
  traps: string[];
}

const PUBLIC_IPS = ['23.55.124.10', '104.18.32.7', '151.101.1.69', '13.107.42.14', '142.250.74.110', '52.84.150.44', '172.217.16.142', '34.117.59.81'];
const CLOSE_REASONS: ReadonlyArray<readonly [string, number]> = [
  ['false_positive', 5],
  ['benign_positive', 3],
  ['duplicate', 2],
  ['true_positive', 1],
  ['other', 1],
];
const TAGS = ['Investigated', 'Escalated', 'Known admin tool', 'Needs review', 'Change ticket'];
/** Automation IAM users with their CloudTrail `principalId` (ECS `user.id`). */
const CLOUD_ACTORS: ReadonlyArray<readonly [string, string]> = [
  ['ci-deployer', 'AIDA5FQ2KXH7CIDEPLOY1'],
  ['terraform', 'AIDA5FQ2KXH7TERRAFRM2'],
  ['jenkins', 'AIDA5FQ2KXH7JENKINSX3'],
  ['platform-admin', 'AIDA5FQ2KXH7PLATADMN4'],
];

/** Heavier weights for the first rules, so rule prevalence is skewed the way real alert volumes are. */
const RULE_WEIGHTS: ReadonlyArray<readonly [BackgroundRule, number]> = BACKGROUND_RULES.map((rule, i) => [rule, 1 / (1 + (i % 10) * 0.35)] as const);

export function createBackgroundGenerator(prng: Prng, estate: Estate, now: number): () => BackgroundAlertSpec {
  const { traps } = estate;
  const cloudHosts = estate.linuxHosts.filter((h) => h.cloud);

  const windowsUser = (t: string[]): User => {
    const roll = prng.next();
    if (roll < 0.25) {
      t.push('user.name=SYSTEM');
      return traps.system;
    }
    if (roll < 0.33) {
      t.push('user.name=Administrator');
      return traps.administrator;
    }
    return prng.pick(estate.users);
  };
  const linuxUser = (t: string[]): User => {
    if (prng.chance(0.35)) {
      t.push('user.name=root');
      return traps.root;
    }
    return prng.pick(estate.users);
  };
  const userFor = (host: Host, t: string[]): User => (host.os.family === 'windows' ? windowsUser(t) : linuxUser(t));
  const hostFor = (os: 'windows' | 'linux' | 'macos'): Host =>
    prng.pick(os === 'windows' ? estate.windowsHosts : os === 'linux' ? estate.linuxHosts : estate.macHosts);
  const exePath = (host: Host, name: string): string =>
    host.os.family === 'windows' ? `C:\\Windows\\System32\\${name}` : host.os.family === 'linux' ? `/usr/bin/${name}` : `/usr/bin/${name}`;

  const build = (rule: BackgroundRule, t: string[]): Pick<AlertSpec, 'ecs' | 'extra' | 'sparse'> => {
    const tpl = rule.template;
    switch (tpl.kind) {
      case 'process': {
        const host = hostFor(tpl.os);
        const args = prng.pick(tpl.commands);
        const name = args[0] ?? 'unknown';
        return {
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(userFor(host, t)),
            eventEcs(prng, endpointProcessStart({ action: host.os.family === 'windows' ? 'start' : 'exec' })),
            processEcs(prng, { name, executable: exePath(host, name), args, parent: { name: prng.pick(tpl.parents) } }),
          ),
        };
      }
      case 'file': {
        const host = hostFor(tpl.os);
        const user = userFor(host, t);
        const path = prng.pick(tpl.paths).replace('{user}', user.name);
        const proc = prng.pick(tpl.processes);
        return {
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(user),
            eventEcs(prng, { category: ['file'], type: ['creation'], action: 'creation', dataset: 'endpoint.events.file', module: 'endpoint' }),
            processEcs(prng, { name: proc, executable: exePath(host, proc), args: [proc] }),
            fileEcs(prng, path),
          ),
        };
      }
      case 'registry': {
        const host = hostFor('windows');
        const path = prng.pick(tpl.keys);
        const value = path.slice(path.lastIndexOf('\\') + 1);
        return {
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(windowsUser(t)),
            eventEcs(prng, { category: ['registry'], type: ['change'], action: 'modification', dataset: 'endpoint.events.registry', module: 'endpoint' }),
            processEcs(prng, { name: 'reg.exe', executable: 'C:\\Windows\\System32\\reg.exe', args: ['reg.exe', 'add', path.slice(0, path.lastIndexOf('\\'))] }),
            { registry: { path, key: path.slice(path.indexOf('\\') + 1, path.lastIndexOf('\\')), value, hive: path.slice(0, path.indexOf('\\')), data: { strings: [`C:\\Program Files\\${value}\\${value}.exe`], type: 'REG_SZ' } } },
          ),
        };
      }
      case 'network': {
        const host = tpl.trap === 'metadata' && cloudHosts.length > 0 ? prng.pick(cloudHosts) : hostFor(tpl.os);
        const proc = prng.pick(tpl.processes);
        let src = host.ip;
        let dst = prng.pick(PUBLIC_IPS);
        if (tpl.trap === 'metadata') {
          dst = traps.metadataIp;
          t.push(`destination.ip=${traps.metadataIp}`);
        } else if (tpl.trap === 'loopback') {
          src = traps.loopbackIp;
          dst = traps.loopbackIp;
          t.push(`destination.ip=${traps.loopbackIp}`);
        }
        return {
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(userFor(host, t)),
            eventEcs(prng, { category: ['network'], type: ['connection', 'start'], action: 'connection_attempted', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
            processEcs(prng, { name: proc, executable: exePath(host, proc), args: [proc] }),
            networkEcs({ sourceIp: src, destinationIp: dst, destinationPort: prng.pick(tpl.ports), direction: tpl.trap === 'loopback' ? 'internal' : 'egress', bytes: prng.int(200, 90_000) }),
          ),
        };
      }
      case 'auth': {
        if (tpl.via === 'nat') {
          t.push(`source.ip=${traps.natIp}`);
          const user = prng.pick(estate.users);
          return {
            ecs: mergeEcs(
              userEcs(user),
              eventEcs(prng, { category: ['authentication'], type: ['start'], action: 'vpn-login', outcome: 'success', dataset: 'okta.system', module: 'okta' }),
              { source: { ip: traps.natIp, geo: { country_iso_code: prng.pick(['US', 'GB', 'DE', 'FR']) }, as: { organization: { name: 'Corp Office NAT' } } }, observer: { vendor: 'Okta', product: 'Okta Identity Cloud' } },
            ),
          };
        }
        if (tpl.via === 'forwarder') {
          t.push(`agent.id=${traps.logForwarder.id}`);
          const host = hostFor('linux');
          return {
            ecs: mergeEcs(
              hostEcs(host),
              { agent: { ...traps.logForwarder } },
              userEcs(linuxUser(t)),
              eventEcs(prng, { category: ['authentication'], type: ['start'], action: 'ssh_login', outcome: 'success', dataset: 'system.auth', module: 'system' }),
              { source: { ip: prng.pick(estate.hosts).ip }, process: { name: 'sshd', pid: prng.int(1000, 30000) } },
            ),
          };
        }
        const host = hostFor('windows');
        const success = prng.chance(0.6);
        return {
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(windowsUser(t)),
            eventEcs(prng, { category: ['authentication'], type: ['start'], action: success ? 'logged-in' : 'logon-failed', outcome: success ? 'success' : 'failure', dataset: 'system.security', module: 'system', code: success ? '4624' : '4625' }),
            { source: { ip: prng.pick(estate.hosts).ip } },
          ),
          ...(rule.type === 'threshold' ? { extra: { 'kibana.alert.threshold_result.count': prng.int(20, 80) } } : {}),
        };
      }
      case 'dns': {
        const host = hostFor('windows');
        const name = prng.pick(tpl.domains);
        return {
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(windowsUser(t)),
            eventEcs(prng, { category: ['network'], type: ['protocol'], action: 'lookup_result', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
            processEcs(prng, { name: 'chrome.exe', executable: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', args: ['chrome.exe'] }),
            { dns: { question: { name, type: 'A', registered_domain: name }, resolved_ip: [prng.pick(PUBLIC_IPS)], response_code: 'NOERROR' } },
          ),
        };
      }
      case 'cloud': {
        const [actor, principalId] = prng.pick(CLOUD_ACTORS);
        const action = prng.pick(tpl.actions);
        return {
          ecs: mergeEcs(
            eventEcs(prng, { category: ['configuration'], type: ['change'], action, outcome: 'success', dataset: 'aws.cloudtrail', module: 'aws' }),
            {
              cloud: { provider: 'aws', account: { id: '123456789012' }, region: prng.pick(['us-east-1', 'eu-west-1']), service: { name: action.includes('Trail') ? 'cloudtrail' : action.includes('Group') && action.includes('User') ? 'iam' : 'ec2' } },
              user: { name: actor, id: principalId },
              source: { ip: prng.pick(estate.linuxHosts).ip },
              aws: { cloudtrail: { event_type: 'AwsApiCall', user_identity: { type: 'IAMUser', arn: `arn:aws:iam::123456789012:user/${actor}` } } },
            },
          ),
        };
      }
      case 'esql': {
        if (tpl.metric === 'Esql.event_count') {
          const user = prng.pick(estate.users);
          return { sparse: true, ecs: { user: { name: user.name }, source: { ip: prng.pick(estate.hosts).ip }, event: { kind: 'signal' } }, extra: { [tpl.metric]: prng.int(21, 90) } };
        }
        return { sparse: true, ecs: { host: { name: prng.pick(estate.hosts).name }, event: { kind: 'signal' } }, extra: { [tpl.metric]: prng.int(50, 400) } };
      }
      case 'ml': {
        const host = hostFor('windows');
        const proc = prng.pick(['AnyDesk.exe', 'procexp64.exe', 'vlc.exe', 'Zoom.exe', 'putty.exe']);
        return {
          extra: { 'kibana.alert.anomaly_score': prng.int(50, 90), 'kibana.alert.rule.parameters.machine_learning_job_id': [tpl.job] },
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(windowsUser(t)),
            eventEcs(prng, endpointProcessStart()),
            processEcs(prng, { name: proc, executable: `C:\\Program Files\\${proc}`, args: [proc] }),
          ),
        };
      }
      case 'malware': {
        const host = hostFor('windows');
        const user = windowsUser(t);
        const name = prng.pick(['cracked_game_setup.exe', 'invoice_viewer.exe', 'free_vpn.exe']);
        return {
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(user),
            eventEcs(prng, { category: ['malware', 'intrusion_detection'], type: ['info', 'denied'], action: 'execution', outcome: 'success', dataset: 'endpoint.alerts', module: 'endpoint', code: 'malicious_file' }),
            processEcs(prng, { name, executable: `C:\\Users\\${user.name}\\Downloads\\${name}`, args: [name] }),
            fileEcs(prng, `C:\\Users\\${user.name}\\Downloads\\${name}`),
          ),
        };
      }
    }
  };

  return () => {
    const rule = prng.weighted(RULE_WEIGHTS);
    const timestamp = now - prng.int(0, 7 * DAY - 1);
    const t: string[] = [];
    const parts = build(rule, t);
    const roll = prng.next();
    let workflow: AlertSpec['workflow'] = { status: 'open' };
    const updatedAt = Math.min(now, timestamp + prng.int(1, 24) * HOUR);
    if (roll < 0.14) workflow = { status: 'closed', reason: prng.weighted(CLOSE_REASONS), updatedAt, user: 'soc-analyst' };
    else if (roll < 0.22) workflow = { status: 'acknowledged', updatedAt, user: 'soc-analyst' };
    if (prng.chance(0.08)) workflow = { ...workflow, tags: [prng.pick(TAGS)] };
    return { rule, timestamp, workflow, traps: [...new Set(t)], ...parts };
  };
}
