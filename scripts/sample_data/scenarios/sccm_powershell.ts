/** Software deployment (SCCM) runs encoded PowerShell as SYSTEM on many hosts: the same rule as the ransomware step. */
import { encodePowerShell, endpointProcessStart, eventEcs, hostEcs, mergeEcs, processEcs, userEcs } from '../ecs';
import { SCENARIO_RULES as R } from '../rules';
import { DAY, HOUR, MINUTE, scaled, type Scenario, type ScenarioAlertSpec } from './context';
import { recurringWorkflow } from './recurring';

export const sccmPowershellScenario: Scenario = {
  id: 'sccm-powershell',
  story: 'A software deployment runs encoded PowerShell as SYSTEM on many hosts in waves.',
  verdict: 'false_positive',
  build(ctx) {
    const { prng, estate } = ctx;
    const perWave = scaled(ctx.count, 0.008, 5, 80);
    const encoded = encodePowerShell("Start-Process msiexec.exe -ArgumentList '/i \\\\srv-sccm-01\\pkg\\Teams.msi /qn' -Wait");
    const alerts: ScenarioAlertSpec[] = [];
    for (const day of [5, 3, 0]) {
      const start = ctx.now - day * DAY - 23 * HOUR;
      for (let i = 0; i < perWave; i++) {
        const host = prng.pick(estate.windowsHosts);
        const timestamp = start + i * 30_000 + prng.int(0, 5) * MINUTE;
        alerts.push({
          role: 'deployment-powershell',
          rule: R.encodedPowerShell,
          timestamp,
          traps: ['user.name=SYSTEM'],
          workflow: recurringWorkflow(prng, ctx.now, timestamp),
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(estate.traps.system),
            eventEcs(prng, endpointProcessStart()),
            processEcs(prng, {
              name: 'powershell.exe',
              executable: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
              args: ['powershell.exe', '-NoProfile', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded],
              workingDirectory: 'C:\\Windows\\CCM',
              parent: { name: 'CcmExec.exe', executable: 'C:\\Windows\\CCM\\CcmExec.exe' },
            }),
          ),
        });
      }
    }
    return { incident: 'sccm-powershell-1', alerts };
  },
};
