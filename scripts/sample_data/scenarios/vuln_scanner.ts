/** The vulnerability scanner sweeps a subnet daily and trips port-scan alerts. */
import { eventEcs, hostEcs, mergeEcs, networkEcs } from '../ecs';
import { SCENARIO_RULES as R } from '../rules';
import { DAY, HOUR, MINUTE, scaled, type Scenario, type ScenarioAlertSpec } from './context';
import { recurringWorkflow } from './recurring';

export const vulnScannerScenario: Scenario = {
  id: 'vuln-scanner',
  story: 'The scheduled vulnerability scanner triggers port-scan alerts across a subnet every day.',
  verdict: 'false_positive',
  build(ctx) {
    const { prng, estate } = ctx;
    const scanner = ctx.takeHost('linux', 'lnx-ci');
    const perDay = scaled(ctx.count, 0.006, 4, 60);
    const subnet = estate.hosts.filter((h) => h.ip.startsWith('10.20.'));
    const alerts: ScenarioAlertSpec[] = [];
    for (let day = 6; day >= 0; day--) {
      const start = ctx.now - day * DAY - 22 * HOUR;
      for (let i = 0; i < perDay; i++) {
        const target = prng.pick(subnet);
        const timestamp = start + i * 2 * MINUTE;
        alerts.push({
          role: 'port-scan',
          rule: R.portScan,
          timestamp,
          workflow: recurringWorkflow(prng, ctx.now, timestamp),
          extra: { 'kibana.alert.threshold_result.count': prng.int(200, 1200), 'kibana.alert.threshold_result.terms': [{ field: 'source.ip', value: scanner.ip }] },
          ecs: mergeEcs(
            hostEcs(scanner),
            eventEcs(prng, { category: ['network'], type: ['connection'], action: 'network_flow', outcome: 'unknown', dataset: 'network_traffic.flow', module: 'network_traffic' }),
            networkEcs({ sourceIp: scanner.ip, destinationIp: target.ip, destinationPort: prng.pick([22, 135, 445, 3389, 5985]), direction: 'internal' }),
            { process: { name: 'nessusd', executable: '/opt/nessus/sbin/nessusd' } },
          ),
        });
      }
    }
    return { incident: 'vuln-scanner-1', alerts };
  },
};
