/**
 * DGA-like DNS queries from one host → beaconing (ES|QL, few fields) to the IPs they resolved to.
 * One implant process makes every query and every connection, so all alerts carry its `process.entity_id`; the
 * ES|QL beaconing rule aggregates `BY host.name, process.entity_id, destination.ip`, which is all its alerts keep.
 */
import { eventEcs, hostEcs, mergeEcs, processEcs, userEcs } from '../ecs';
import { SCENARIO_RULES as R } from '../rules';
import { HOUR, MINUTE, type Scenario, type ScenarioAlertSpec } from './context';

export const C2_RESOLVED_IPS = ['103.224.182.251', '103.224.182.252'];

export const dnsC2Scenario: Scenario = {
  id: 'dns-c2',
  story: 'One host resolves algorithmically generated domains, then beacons to the addresses they resolved to.',
  verdict: 'true_positive',
  build(ctx) {
    const { prng } = ctx;
    const host = ctx.takeHost('windows', 'ws-');
    const user = ctx.takeUser();
    const t0 = ctx.now - 14 * HOUR + prng.int(0, 60) * MINUTE;
    const alerts: ScenarioAlertSpec[] = [];
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const implant = {
      name: 'OneDriveSync.exe',
      executable: `C:\\Users\\${user.name}\\AppData\\Local\\Temp\\OneDriveSync.exe`,
      args: ['OneDriveSync.exe', '--silent'],
      entityId: prng.hex(40),
      pid: prng.int(2000, 9000),
      parent: { name: 'explorer.exe' },
    };
    for (let i = 0; i < 5; i++) {
      let label = '';
      for (let j = 0; j < prng.int(12, 18); j++) label += letters[prng.int(0, 25)];
      const domain = `${label}.${prng.pick(['info', 'top', 'xyz'])}`;
      const resolved = C2_RESOLVED_IPS[i % C2_RESOLVED_IPS.length] ?? '';
      alerts.push({
        role: 'dga-query',
        rule: R.dgaQuery,
        timestamp: t0 + i * 4 * MINUTE,
        ecs: mergeEcs(
          hostEcs(host),
          userEcs(user),
          eventEcs(prng, { category: ['network'], type: ['protocol', 'info'], action: 'lookup_result', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
          processEcs(prng, implant),
          { dns: { question: { name: domain, type: 'A', registered_domain: domain }, resolved_ip: [resolved], response_code: 'NOERROR' } },
        ),
      });
    }
    // ES|QL aggregating rule: its alerts keep only the BY fields and the aggregates.
    for (const [i, ip] of C2_RESOLVED_IPS.entries()) {
      alerts.push({
        role: 'beaconing',
        rule: R.beaconing,
        timestamp: t0 + (40 + i * 20) * MINUTE,
        sparse: true,
        extra: { 'Esql.connection_count': prng.int(60, 90), 'Esql.interval_stddev_s': prng.int(1, 4) },
        ecs: { host: { name: host.name }, process: { entity_id: implant.entityId }, destination: { ip }, event: { kind: 'signal' } },
      });
    }
    alerts.push({
      role: 'beacon-connection',
      rule: R.beaconing,
      timestamp: t0 + 80 * MINUTE,
      sparse: true,
      extra: { 'Esql.connection_count': prng.int(60, 90) },
      ecs: { host: { name: host.name }, process: { entity_id: implant.entityId }, destination: { ip: C2_RESOLVED_IPS[0] ?? '', port: 443 }, event: { kind: 'signal' } },
    });
    return { incident: 'dns-c2-1', alerts };
  },
};
