/** An IT admin runs whoami / net user on 100+ hosts every day; earlier alerts were closed as false positives. */
import { endpointProcessStart, eventEcs, hostEcs, mergeEcs, processEcs, userEcs } from '../ecs';
import { SCENARIO_RULES as R } from '../rules';
import { DAY, HOUR, MINUTE, scaled, type Scenario, type ScenarioAlertSpec } from './context';
import { recurringWorkflow } from './recurring';

export const IT_ADMIN = { name: 'it-jlee', id: 'S-1-5-21-3623811015-3361044348-30300820-2150', domain: 'CORP', fullName: 'J. Lee (IT)' };

export const adminWhoamiScenario: Scenario = {
  id: 'admin-whoami',
  story: "An IT admin's scripted whoami / net user checks across 100+ hosts daily; earlier ones were closed as false positives.",
  verdict: 'false_positive',
  build(ctx) {
    const { prng, estate } = ctx;
    const perDay = scaled(ctx.count, 0.02, 8, 150);
    const alerts: ScenarioAlertSpec[] = [];
    for (let day = 6; day >= 0; day--) {
      const morning = ctx.now - day * DAY - 20 * HOUR;
      for (let i = 0; i < perDay; i++) {
        const host = prng.pick(estate.windowsHosts);
        const net = prng.chance(0.4);
        const timestamp = morning + i * 20_000 + prng.int(0, 10) * MINUTE;
        alerts.push({
          role: net ? 'net-user' : 'whoami',
          rule: net ? R.accountDiscovery : R.whoami,
          timestamp,
          workflow: recurringWorkflow(prng, ctx.now, timestamp),
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(IT_ADMIN),
            eventEcs(prng, endpointProcessStart()),
            processEcs(prng, net
              ? { name: 'net.exe', executable: 'C:\\Windows\\System32\\net.exe', args: ['net.exe', 'user', '/domain'], parent: { name: 'powershell.exe', args: ['powershell.exe', '-File', '\\\\srv-it-01\\scripts\\inventory.ps1'] } }
              : { name: 'whoami.exe', executable: 'C:\\Windows\\System32\\whoami.exe', args: ['whoami.exe', '/all'], parent: { name: 'powershell.exe', args: ['powershell.exe', '-File', '\\\\srv-it-01\\scripts\\inventory.ps1'] } }),
          ),
        });
      }
    }
    return { incident: 'admin-whoami-1', alerts };
  },
};
