/** SSH failures from one external IP on three hosts → a success on one → a new local user. Shipped by the log forwarder. */
import type { Host } from '../entities';
import { eventEcs, hostEcs, mergeEcs, processEcs } from '../ecs';
import { SCENARIO_RULES as R } from '../rules';
import { HOUR, MINUTE, type Scenario, type ScenarioAlertSpec } from './context';

export const BRUTEFORCE_IP = '193.32.162.77';

export const bruteforceScenario: Scenario = {
  id: 'bruteforce',
  story: 'Many SSH failures from one external IP against three hosts, then a success on one and a new local user.',
  verdict: 'true_positive',
  build(ctx) {
    const { prng, estate } = ctx;
    const forwarder = estate.traps.logForwarder;
    const hosts = [ctx.takeHost('linux', 'lnx-bastion'), ctx.takeHost('linux', 'lnx-db'), ctx.takeHost('linux', 'lnx-app')];
    const [, victimHost] = hosts;
    if (!victimHost) throw new Error('bruteforce scenario needs three hosts');
    const t0 = ctx.now - 8 * HOUR + prng.int(0, 30) * MINUTE;
    // Syslog shipped by the log forwarder: its agent.id is shared with hundreds of unrelated hosts (a trap).
    const viaForwarder = (host: Host) => mergeEcs(hostEcs(host), { agent: { ...forwarder } });
    const forwarderTrap = `agent.id=${forwarder.id}`;
    const alerts: ScenarioAlertSpec[] = [];
    hosts.forEach((host, h) => {
      for (let i = 0; i < 3; i++) {
        alerts.push({
          role: 'ssh-failure',
          rule: R.sshFailures,
          timestamp: t0 + h * 7 * MINUTE + i * MINUTE,
          traps: [forwarderTrap],
          ecs: mergeEcs(
            viaForwarder(host),
            eventEcs(prng, { category: ['authentication'], type: ['start'], action: 'ssh_login', outcome: 'failure', dataset: 'system.auth', module: 'system' }),
            { user: { name: prng.pick(['root', 'admin', 'oracle', 'ubuntu', 'test']) }, source: { ip: BRUTEFORCE_IP, port: prng.int(30000, 60000), geo: { country_iso_code: 'CN' } }, process: { name: 'sshd', pid: prng.int(1000, 30000) } },
          ),
        });
      }
      alerts.push({
        role: 'ssh-bruteforce-threshold',
        rule: R.sshBruteForce,
        timestamp: t0 + h * 7 * MINUTE + 4 * MINUTE,
        traps: [forwarderTrap],
        extra: { 'kibana.alert.threshold_result.count': prng.int(40, 160), 'kibana.alert.threshold_result.terms': [{ field: 'source.ip', value: BRUTEFORCE_IP }] },
        ecs: mergeEcs(
          viaForwarder(host),
          eventEcs(prng, { category: ['authentication'], type: ['start'], action: 'ssh_login', outcome: 'failure', dataset: 'system.auth', module: 'system' }),
          { source: { ip: BRUTEFORCE_IP, geo: { country_iso_code: 'CN' } } },
        ),
      });
    });
    alerts.push({
      role: 'ssh-success-after-failures',
      rule: R.sshSuccessAfterFailures,
      timestamp: t0 + 25 * MINUTE,
      traps: [forwarderTrap],
      ecs: mergeEcs(
        viaForwarder(victimHost),
        eventEcs(prng, { category: ['authentication'], type: ['start'], action: 'ssh_login', outcome: 'success', dataset: 'system.auth', module: 'system' }),
        { user: { name: 'oracle', id: '1001' }, source: { ip: BRUTEFORCE_IP, port: 51122, geo: { country_iso_code: 'CN' } }, process: { name: 'sshd', pid: 22871 } },
      ),
    });
    alerts.push({
      role: 'new-local-user',
      rule: R.localUserCreated,
      timestamp: t0 + 31 * MINUTE,
      ecs: mergeEcs(
        hostEcs(victimHost),
        eventEcs(prng, { category: ['iam'], type: ['user', 'creation'], action: 'user-added', outcome: 'success', dataset: 'endpoint.events.process', module: 'endpoint' }),
        { user: { name: 'oracle', id: '1001', target: { name: 'sysupdate' } } },
        processEcs(prng, { name: 'useradd', executable: '/usr/sbin/useradd', args: ['useradd', '-m', '-s', '/bin/bash', '-G', 'sudo', 'sysupdate'], parent: { name: 'bash', executable: '/usr/bin/bash' } }),
      ),
    });
    return { incident: 'bruteforce-1', alerts };
  },
};
