/**
 * SSH password guessing from one external IP against three hosts, one account per host → a success on one → a new
 * local user there. Syslog shipped by the log forwarder.
 *
 * Ground truth is one incident per host. On one host the failures, the threshold alert, the success and the new
 * user share `host.id`, the guessed account's `user.name` and the attacker's `source.ip` (4 + 1 + 1, the workflow's
 * min_entity_score 6), and the success and the new user also share `user.id`. Across hosts the alerts share only
 * the attacker IP (score 1) and the forwarder's `agent.id` (a trap, not an entity), so no entity graph with these
 * scores can tell that the three groups belong together; the manifest says what the graph can know instead of
 * pretending.
 */
import type { Host } from '../entities';
import { eventEcs, hostEcs, mergeEcs, processEcs } from '../ecs';
import { SCENARIO_RULES as R } from '../rules';
import { HOUR, MINUTE, type Scenario, type ScenarioAlertSpec, type ScenarioIncident } from './context';

export const BRUTEFORCE_IP = '193.32.162.77';

export const bruteforceScenario: Scenario = {
  id: 'bruteforce',
  story: 'Many SSH failures from one external IP against three hosts, then a success on one and a new local user.',
  verdict: 'true_positive',
  build(ctx) {
    const { prng, estate } = ctx;
    const forwarder = estate.traps.logForwarder;
    // The guessed account differs per host: the tool picks the service account the host's role suggests.
    const targets = [
      { host: ctx.takeHost('linux', 'lnx-bastion'), account: 'admin' },
      { host: ctx.takeHost('linux', 'lnx-db'), account: 'oracle' },
      { host: ctx.takeHost('linux', 'lnx-app'), account: 'ubuntu' },
    ];
    const victim = targets[1];
    if (!victim) throw new Error('bruteforce scenario needs three hosts');
    const t0 = ctx.now - 8 * HOUR + prng.int(0, 30) * MINUTE;
    // Syslog shipped by the log forwarder: its agent.id is shared with hundreds of unrelated hosts (a trap).
    const viaForwarder = (host: Host) => mergeEcs(hostEcs(host), { agent: { ...forwarder } });
    const forwarderTrap = `agent.id=${forwarder.id}`;
    const failure = () =>
      eventEcs(prng, { category: ['authentication'], type: ['start'], action: 'ssh_login', outcome: 'failure', dataset: 'system.auth', module: 'system' });
    const perHost = targets.map(({ host, account }, h): ScenarioAlertSpec[] => {
      const alerts: ScenarioAlertSpec[] = [];
      for (let i = 0; i < 3; i++) {
        alerts.push({
          role: 'ssh-failure',
          rule: R.sshFailures,
          timestamp: t0 + h * 7 * MINUTE + i * MINUTE,
          traps: [forwarderTrap],
          ecs: mergeEcs(
            viaForwarder(host),
            failure(),
            { user: { name: account }, source: { ip: BRUTEFORCE_IP, port: prng.int(30000, 60000), geo: { country_iso_code: 'CN' } }, process: { name: 'sshd', pid: prng.int(1000, 30000) } },
          ),
        });
      }
      alerts.push({
        role: 'ssh-bruteforce-threshold',
        rule: R.sshBruteForce,
        timestamp: t0 + h * 7 * MINUTE + 4 * MINUTE,
        traps: [forwarderTrap],
        extra: {
          'kibana.alert.threshold_result.count': prng.int(40, 160),
          'kibana.alert.threshold_result.terms': [
            { field: 'source.ip', value: BRUTEFORCE_IP },
            { field: 'user.name', value: account },
          ],
        },
        ecs: mergeEcs(viaForwarder(host), failure(), { user: { name: account }, source: { ip: BRUTEFORCE_IP, geo: { country_iso_code: 'CN' } } }),
      });
      return alerts;
    });
    const victimAlerts = perHost[1] ?? [];
    const oracle = { name: victim.account, id: '1001' };
    victimAlerts.push({
      role: 'ssh-success-after-failures',
      rule: R.sshSuccessAfterFailures,
      timestamp: t0 + 25 * MINUTE,
      traps: [forwarderTrap],
      ecs: mergeEcs(
        viaForwarder(victim.host),
        eventEcs(prng, { category: ['authentication'], type: ['start'], action: 'ssh_login', outcome: 'success', dataset: 'system.auth', module: 'system' }),
        { user: oracle, source: { ip: BRUTEFORCE_IP, port: 51122, geo: { country_iso_code: 'CN' } }, process: { name: 'sshd', pid: 22871 } },
      ),
    });
    victimAlerts.push({
      role: 'new-local-user',
      rule: R.localUserCreated,
      timestamp: t0 + 31 * MINUTE,
      ecs: mergeEcs(
        hostEcs(victim.host),
        eventEcs(prng, { category: ['iam'], type: ['user', 'creation'], action: 'user-added', outcome: 'success', dataset: 'endpoint.events.process', module: 'endpoint' }),
        { user: { ...oracle, target: { name: 'sysupdate' } } },
        processEcs(prng, { name: 'useradd', executable: '/usr/sbin/useradd', args: ['useradd', '-m', '-s', '/bin/bash', '-G', 'sudo', 'sysupdate'], parent: { name: 'bash', executable: '/usr/bin/bash' } }),
      ),
    });
    // The compromised host first: it is the incident that matters most.
    const incidents: ScenarioIncident[] = [{ incident: 'bruteforce-1', alerts: victimAlerts }];
    perHost.forEach((alerts, h) => {
      if (h !== 1) incidents.push({ incident: `bruteforce-${incidents.length + 1}`, alerts });
    });
    return incidents;
  },
};
