/** One isolated ML anomaly with nothing around it: the honest answer is "inconclusive". */
import { endpointProcessStart, eventEcs, hostEcs, mergeEcs, processEcs, userEcs } from '../ecs';
import { SCENARIO_RULES as R } from '../rules';
import { HOUR, MINUTE, type Scenario } from './context';

export const mlRareProcessScenario: Scenario = {
  id: 'ml-rare-process',
  story: 'A single machine-learning anomaly: a rare process on one workstation, with no related activity.',
  verdict: 'inconclusive',
  build(ctx) {
    const { prng } = ctx;
    const host = ctx.takeHost('windows', 'ws-');
    const user = ctx.takeUser();
    return {
      incident: 'ml-rare-process-1',
      alerts: [
        {
          role: 'ml-anomaly',
          rule: R.mlRareProcess,
          timestamp: ctx.now - 3 * HOUR + prng.int(0, 60) * MINUTE,
          extra: { 'kibana.alert.rule.parameters.anomaly_threshold': 75, 'kibana.alert.rule.parameters.machine_learning_job_id': ['v3_rare_process_by_host_windows'], 'kibana.alert.anomaly_score': 81 },
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(user),
            eventEcs(prng, endpointProcessStart()),
            processEcs(prng, { name: 'rclone.exe', executable: `C:\\Users\\${user.name}\\Downloads\\rclone.exe`, args: ['rclone.exe', 'version'], parent: { name: 'cmd.exe' } }),
          ),
        },
      ],
    };
  },
};
