/** A threat-intel IP indicator matches a connection destination on a single host. */
import { eventEcs, hostEcs, mergeEcs, networkEcs, processEcs, userEcs } from '../ecs';
import { SCENARIO_RULES as R } from '../rules';
import { HOUR, MINUTE, type Scenario } from './context';

export const TI_IP = '194.165.16.11';

export const tiMatchScenario: Scenario = {
  id: 'ti-match',
  story: 'A workstation connects to an IP on a threat-intelligence feed.',
  verdict: 'true_positive',
  build(ctx) {
    const { prng } = ctx;
    const host = ctx.takeHost('windows', 'ws-');
    const user = ctx.takeUser();
    const t0 = ctx.now - 5 * HOUR + prng.int(0, 60) * MINUTE;
    return {
      incident: 'ti-match-1',
      alerts: [
        {
          role: 'indicator-match',
          rule: R.tiIpMatch,
          timestamp: t0,
          ecs: mergeEcs(
            hostEcs(host),
            userEcs(user),
            eventEcs(prng, { category: ['network'], type: ['connection', 'start'], action: 'connection_attempted', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
            processEcs(prng, { name: 'chrome.exe', executable: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', args: ['chrome.exe', '--type=utility'], parent: { name: 'chrome.exe' } }),
            networkEcs({ sourceIp: host.ip, destinationIp: TI_IP, destinationPort: 8443, protocol: 'tls', destinationGeo: { country: 'RU' } }),
            {
              threat: {
                feed: { name: 'AbuseCH Feodo Tracker' },
                indicator: {
                  ip: TI_IP,
                  type: 'ipv4-addr',
                  provider: 'abuse.ch',
                  confidence: 'High',
                  first_seen: new Date(ctx.now - 9 * 24 * HOUR).toISOString(),
                  description: 'Emotet botnet C2 server',
                  matched: { atomic: TI_IP, field: 'destination.ip', type: 'indicator_match_rule', index: 'logs-ti_abusech.malware-default' },
                },
              },
            },
          ),
        },
      ],
    };
  },
};
