/** The detection rules the corpus's alerts come from: scenario rules plus ~30 background rules. */
import { mitre } from './mitre';
import { createPrng } from './prng';
import type { MitreThreat, RuleDef, RuleType, Severity } from './types';

const RISK: Record<Severity, number> = { low: 21, medium: 47, high: 73, critical: 99 };

function rule(
  name: string,
  type: RuleType,
  severity: Severity,
  description: string,
  threat: MitreThreat[],
  tags: string[] = [],
): RuleDef {
  return {
    // Prebuilt rules have fixed ids across installs, so they do not depend on the corpus seed.
    ruleId: createPrng(`rule_id:${name}`).uuid(),
    name,
    description,
    type,
    severity,
    riskScore: RISK[severity],
    references: [`https://www.elastic.co/guide/en/security/current/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.html`],
    threat,
    tags: ['Domain: Endpoint', 'Use Case: Threat Detection', ...tags],
  };
}

/** Stable saved-object id of a rule (`kibana.alert.rule.uuid`). */
export function ruleUuid(def: RuleDef): string {
  return createPrng(`rule_uuid:${def.ruleId}`).uuid();
}

export const RULE_CATEGORY: Record<RuleType, string> = {
  query: 'Custom Query Rule',
  eql: 'Event Correlation Rule',
  threshold: 'Threshold Rule',
  threat_match: 'Indicator Match Rule',
  machine_learning: 'Machine Learning Rule',
  new_terms: 'New Terms Rule',
  esql: 'ES|QL Rule',
};

export const RULE_TYPE_ID: Record<RuleType, string> = {
  query: 'siem.queryRule',
  eql: 'siem.eqlRule',
  threshold: 'siem.thresholdRule',
  threat_match: 'siem.indicatorRule',
  machine_learning: 'siem.mlRule',
  new_terms: 'siem.newTermsRule',
  esql: 'siem.esqlRule',
};

export const SCENARIO_RULES = {
  phishingAttachment: rule('Suspicious Document Written by Email Client', 'query', 'medium', 'A macro-enabled Office document was written to disk by an email client.', [mitre('TA0001', 'T1566.001')], ['OS: Windows']),
  officeChild: rule('Suspicious MS Office Child Process', 'eql', 'high', 'An Office application spawned a scripting or system utility, common after a malicious document is opened.', [mitre('TA0002', 'T1204.002', 'T1059.001')], ['OS: Windows']),
  encodedPowerShell: rule('PowerShell Encoded Command', 'query', 'medium', 'PowerShell was started with an encoded command, which hides the script that runs.', [mitre('TA0005', 'T1027.010'), mitre('TA0002', 'T1059.001')], ['OS: Windows']),
  powershellDownload: rule('Remote File Download via PowerShell', 'eql', 'high', 'PowerShell connected to an external address and wrote an executable to disk.', [mitre('TA0011', 'T1105')], ['OS: Windows']),
  lsassAccess: rule('Credential Access via LSASS Memory Dump', 'eql', 'critical', 'A process opened LSASS memory with a dump-capable access mask (comsvcs.dll MiniDump).', [mitre('TA0006', 'T1003.001')], ['OS: Windows']),
  psexecLateral: rule('Lateral Movement via PsExec', 'eql', 'high', 'PsExec connected to a remote host over SMB and installed a service there.', [mitre('TA0008', 'T1021.002', 'T1570')], ['OS: Windows']),
  remoteServiceInstalled: rule('Remote Service Installed via SMB', 'eql', 'high', 'A service was installed from a remote host through the admin share.', [mitre('TA0002', 'T1569.002'), mitre('TA0003', 'T1543.003')], ['OS: Windows']),
  toolFromShare: rule('Executable Pulled from Remote Admin Share', 'eql', 'high', 'A process copied an executable from another host\'s ADMIN$ or C$ share.', [mitre('TA0008', 'T1570')], ['OS: Windows']),
  shadowCopyDeletion: rule('Volume Shadow Copy Deletion via VssAdmin', 'query', 'critical', 'Shadow copies were deleted, which ransomware does before encrypting.', [mitre('TA0040', 'T1490')], ['OS: Windows']),
  massRename: rule('Ransomware - Mass File Rename', 'threshold', 'critical', 'One process renamed a large number of files to an unknown extension within a minute.', [mitre('TA0040', 'T1486')], ['OS: Windows']),
  webShellSpawn: rule('Web Server Spawned a Shell', 'eql', 'high', 'A web server worker process started an interactive shell.', [mitre('TA0002', 'T1059.004')], ['OS: Linux']),
  reverseShell: rule('Potential Reverse Shell via Bash', 'eql', 'critical', 'Bash redirected its standard streams to a network socket.', [mitre('TA0011', 'T1571'), mitre('TA0002', 'T1059.004')], ['OS: Linux']),
  metadataByShell: rule('Cloud Metadata Queried by Shell Child', 'eql', 'medium', 'A process started from a shell queried the instance metadata service for credentials.', [mitre('TA0006', 'T1552.005')], ['OS: Linux']),
  cronPersistence: rule('Cron Job Created or Modified', 'new_terms', 'medium', 'A user crontab was written by a process that has not done so before.', [mitre('TA0003', 'T1053.003')], ['OS: Linux']),
  sudoAbuse: rule('Potential Privilege Escalation via Sudo', 'query', 'high', 'A service account used sudo to run a shell as root.', [mitre('TA0004', 'T1548.003')], ['OS: Linux']),
  awsRootLogin: rule('AWS Management Console Root Login', 'query', 'high', 'The AWS root user signed in to the console.', [mitre('TA0001', 'T1078.004')], ['Domain: Cloud', 'Data Source: AWS']),
  awsIamPolicy: rule('AWS IAM Administrator Policy Attached to User', 'new_terms', 'high', 'AdministratorAccess was attached to an IAM user.', [mitre('TA0003', 'T1098')], ['Domain: Cloud', 'Data Source: AWS']),
  awsIamUser: rule('AWS IAM User Created with Access Key', 'query', 'medium', 'An IAM user was created and given an access key in one session.', [mitre('TA0003', 'T1136')], ['Domain: Cloud', 'Data Source: AWS']),
  awsS3Public: rule('AWS S3 Bucket Policy Made Public', 'query', 'critical', 'A bucket policy now allows access by any principal.', [mitre('TA0010', 'T1537'), mitre('TA0001', 'T1078.004')], ['Domain: Cloud', 'Data Source: AWS']),
  sshFailures: rule('SSH Authentication Failure', 'query', 'low', 'An SSH login attempt failed.', [mitre('TA0006', 'T1110.001')], ['OS: Linux']),
  sshBruteForce: rule('Potential SSH Brute Force Detected', 'threshold', 'medium', 'Many SSH authentication failures from one source against one host.', [mitre('TA0006', 'T1110.001')], ['OS: Linux']),
  sshSuccessAfterFailures: rule('SSH Login Success After Multiple Failures', 'eql', 'high', 'An SSH login succeeded from a source that just failed many times.', [mitre('TA0006', 'T1110.001'), mitre('TA0001', 'T1078')], ['OS: Linux']),
  localUserCreated: rule('Linux User Account Creation', 'query', 'medium', 'A local user account was created.', [mitre('TA0003', 'T1136.001')], ['OS: Linux']),
  dgaQuery: rule('Possible DGA Domain Query', 'query', 'medium', 'A host resolved a domain whose name looks algorithmically generated.', [mitre('TA0011', 'T1568.002', 'T1071.004')], ['OS: Windows']),
  beaconing: rule('Periodic Beaconing to Rare Destination', 'esql', 'high', 'A host connected to the same rare destination at a steady interval.', [mitre('TA0011', 'T1071')], ['OS: Windows']),
  tiIpMatch: rule('Threat Intel IP Address Indicator Match', 'threat_match', 'critical', 'A connection destination matched a threat-intelligence IP indicator.', [mitre('TA0011', 'T1071')], ['Rule Type: Indicator Match']),
  whoami: rule('Whoami Process Activity', 'query', 'low', 'whoami.exe was run, often during discovery after compromise.', [mitre('TA0007', 'T1033')], ['OS: Windows']),
  accountDiscovery: rule('Enumeration of Users or Groups via Built-in Commands', 'eql', 'low', 'net.exe or net1.exe enumerated users or groups.', [mitre('TA0007', 'T1087.001')], ['OS: Windows']),
  portScan: rule('Network Port Scan Detected', 'threshold', 'medium', 'One source connected to many ports or hosts in a short time.', [mitre('TA0007', 'T1046')], ['Domain: Network']),
  mlRareProcess: rule('Unusual Process For a Windows Host', 'machine_learning', 'medium', 'A machine learning job found a process that is rare for this host.', [mitre('TA0002', 'T1204.002')], ['Rule Type: ML']),
} satisfies Record<string, RuleDef>;

export interface BackgroundRule extends RuleDef {
  /** Which event shape the background generator builds for it. */
  template: BackgroundTemplate;
}

export type BackgroundTemplate =
  | { kind: 'process'; os: 'windows' | 'linux' | 'macos'; commands: string[][]; parents: string[] }
  | { kind: 'file'; os: 'windows' | 'linux' | 'macos'; paths: string[]; processes: string[] }
  | { kind: 'registry'; keys: string[] }
  | { kind: 'network'; os: 'windows' | 'linux'; trap?: 'metadata' | 'loopback'; ports: number[]; processes: string[] }
  | { kind: 'auth'; via: 'windows' | 'forwarder' | 'nat' }
  | { kind: 'dns'; domains: string[] }
  | { kind: 'cloud'; actions: string[] }
  | { kind: 'esql'; metric: string }
  | { kind: 'ml'; job: string }
  | { kind: 'malware' };

function bg(def: RuleDef, template: BackgroundTemplate): BackgroundRule {
  return { ...def, template };
}

export const BACKGROUND_RULES: BackgroundRule[] = [
  bg(rule('Scheduled Task Created', 'query', 'low', 'A scheduled task was created with schtasks.exe.', [mitre('TA0003', 'T1053.005')]), { kind: 'process', os: 'windows', commands: [['schtasks.exe', '/create', '/tn', 'GoogleUpdateTaskMachineUA', '/tr', 'C:\\Program Files\\Google\\Update\\GoogleUpdate.exe'], ['schtasks.exe', '/create', '/tn', 'OneDrive Standalone Update', '/sc', 'daily']], parents: ['msiexec.exe', 'setup.exe'] }),
  bg(rule('Suspicious Certutil Commands', 'query', 'medium', 'certutil.exe decoded or downloaded content.', [mitre('TA0005', 'T1027')]), { kind: 'process', os: 'windows', commands: [['certutil.exe', '-verifyctl', '-f', '-split'], ['certutil.exe', '-urlcache', '-f', 'http://crl.corp.local/root.crl']], parents: ['cmd.exe', 'svchost.exe'] }),
  bg(rule('Windows Defender Exclusions Added via PowerShell', 'eql', 'medium', 'Add-MpPreference added an exclusion.', [mitre('TA0005', 'T1562.001')]), { kind: 'process', os: 'windows', commands: [['powershell.exe', '-Command', 'Add-MpPreference', '-ExclusionPath', 'D:\\builds']], parents: ['cmd.exe', 'CcmExec.exe'] }),
  bg(rule('Unusual Parent-Child Relationship', 'eql', 'medium', 'A Windows system process had an unusual parent.', [mitre('TA0004', 'T1548')]), { kind: 'process', os: 'windows', commands: [['svchost.exe', '-k', 'netsvcs'], ['conhost.exe', '0xffffffff', '-ForceV1']], parents: ['explorer.exe', 'taskhostw.exe'] }),
  bg(rule('Execution via Windows Command Debugging Utility', 'query', 'low', 'cdb.exe ran a command.', [mitre('TA0005', 'T1218')]), { kind: 'process', os: 'windows', commands: [['cdb.exe', '-pd', '-pn', 'notepad.exe']], parents: ['devenv.exe'] }),
  bg(rule('Unsigned DLL Loaded by Rundll32', 'eql', 'medium', 'rundll32.exe loaded an unsigned DLL.', [mitre('TA0005', 'T1218.011')]), { kind: 'process', os: 'windows', commands: [['rundll32.exe', 'C:\\Users\\Public\\printhelper.dll,Start'], ['rundll32.exe', 'shell32.dll,Control_RunDLL']], parents: ['explorer.exe'] }),
  bg(rule('Potential Credential Access via Windows Utilities', 'eql', 'high', 'A built-in utility accessed credential material.', [mitre('TA0006', 'T1003')]), { kind: 'process', os: 'windows', commands: [['ntdsutil.exe', 'ifm', 'create full c:\\backup'], ['reg.exe', 'save', 'HKLM\\SAM', 'C:\\backup\\sam.hive']], parents: ['cmd.exe', 'BackupAgent.exe'] }),
  bg(rule('Registry Run Key Modified', 'query', 'low', 'A Run key was added.', [mitre('TA0003', 'T1547.001')]), { kind: 'registry', keys: ['HKEY_USERS\\S-1-5-21\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Teams', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\SecurityHealth', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\ZoomLauncher'] }),
  bg(rule('Startup Folder Persistence via Unsigned Process', 'eql', 'medium', 'An unsigned process wrote to a Startup folder.', [mitre('TA0003', 'T1547.001')]), { kind: 'file', os: 'windows', paths: ['C:\\Users\\{user}\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\sync.lnk', 'C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\StartUp\\helper.lnk'], processes: ['installer.exe', 'setup.exe'] }),
  bg(rule('Unusual Network Activity from a Windows System Binary', 'eql', 'medium', 'A system binary made an outbound connection.', [mitre('TA0005', 'T1218')]), { kind: 'network', os: 'windows', ports: [443, 80, 8080], processes: ['msiexec.exe', 'regsvr32.exe', 'mshta.exe'] }),
  bg(rule('Connection to Local Proxy from Scripting Host', 'query', 'low', 'A scripting host connected to a local proxy port.', [mitre('TA0011', 'T1071')]), { kind: 'network', os: 'windows', trap: 'loopback', ports: [8888, 3128, 9000], processes: ['wscript.exe', 'python.exe', 'node.exe'] }),
  bg(rule('Multiple Logon Failure Followed by Logon Success', 'eql', 'medium', 'Several failed logons were followed by a success.', [mitre('TA0006', 'T1110')]), { kind: 'auth', via: 'windows' }),
  bg(rule('Potential Password Spraying Attempt', 'threshold', 'medium', 'Many accounts failed to log on from one source.', [mitre('TA0006', 'T1110.003')]), { kind: 'auth', via: 'windows' }),
  bg(rule('VPN Login from a New Country', 'new_terms', 'medium', 'A user logged in to the VPN from a country not seen for them before.', [mitre('TA0001', 'T1078')], ['Domain: Identity']), { kind: 'auth', via: 'nat' }),
  bg(rule('Unusual Login Activity', 'machine_learning', 'low', 'A machine learning job found an unusual number of logins.', [mitre('TA0001', 'T1078')], ['Rule Type: ML']), { kind: 'auth', via: 'nat' }),
  bg(rule('Linux SSH Login from New Source', 'new_terms', 'low', 'An SSH login came from a source not seen for this host.', [mitre('TA0001', 'T1078')], ['OS: Linux']), { kind: 'auth', via: 'forwarder' }),
  bg(rule('Sudo Command Execution by Unusual User', 'new_terms', 'low', 'A user ran sudo for the first time on this host.', [mitre('TA0004', 'T1548.003')], ['OS: Linux']), { kind: 'process', os: 'linux', commands: [['sudo', 'systemctl', 'restart', 'nginx'], ['sudo', 'apt-get', 'upgrade', '-y'], ['sudo', 'journalctl', '-u', 'docker']], parents: ['bash', 'zsh'] }),
  bg(rule('Kernel Module Load via Insmod', 'query', 'medium', 'A kernel module was loaded with insmod.', [mitre('TA0003', 'T1547')], ['OS: Linux']), { kind: 'process', os: 'linux', commands: [['insmod', '/lib/modules/5.15.0/extra/vboxdrv.ko'], ['modprobe', 'nf_conntrack']], parents: ['bash', 'systemd'] }),
  bg(rule('Suspicious File Creation in /tmp', 'query', 'low', 'An executable file was created in /tmp.', [mitre('TA0002', 'T1059.004')], ['OS: Linux']), { kind: 'file', os: 'linux', paths: ['/tmp/.build-cache/linker', '/tmp/ansible-tmp-1717/AnsiballZ_setup.py', '/tmp/go-build3312/exe/main'], processes: ['python3', 'go', 'cc1'] }),
  bg(rule('Instance Metadata Service Access', 'new_terms', 'low', 'A process queried the cloud instance metadata service.', [mitre('TA0006', 'T1552.005')], ['Domain: Cloud']), { kind: 'network', os: 'linux', trap: 'metadata', ports: [80], processes: ['aws', 'cloud-init', 'amazon-ssm-agent', 'python3'] }),
  bg(rule('Firewall Blocked Outbound Connection Burst', 'threshold', 'low', 'The host firewall blocked many outbound connections.', [mitre('TA0011', 'T1071')], ['Domain: Network']), { kind: 'network', os: 'linux', ports: [25, 6667, 23], processes: ['postfix', 'java'] }),
  bg(rule('DNS Query to Newly Registered Domain', 'new_terms', 'low', 'A host resolved a recently registered domain.', [mitre('TA0011', 'T1071.004')], ['Domain: Network']), { kind: 'dns', domains: ['promo-giftcards.shop', 'cdn-assets-eu.net', 'weekly-webinar.events', 'newsletter-tracking.io'] }),
  bg(rule('macOS Launch Agent Created', 'query', 'low', 'A launch agent plist was written.', [mitre('TA0003', 'T1547')], ['OS: macOS']), { kind: 'file', os: 'macos', paths: ['/Users/{user}/Library/LaunchAgents/com.google.keystone.agent.plist', '/Library/LaunchAgents/com.zoom.updater.plist'], processes: ['installer', 'Google Chrome'] }),
  bg(rule('Gatekeeper Override via spctl', 'query', 'medium', 'spctl disabled or bypassed Gatekeeper for an app.', [mitre('TA0005', 'T1562.001')], ['OS: macOS']), { kind: 'process', os: 'macos', commands: [['spctl', '--add', '/Applications/Tool.app'], ['xattr', '-d', 'com.apple.quarantine', '/Applications/Tool.app']], parents: ['zsh', 'bash'] }),
  bg(rule('AWS EC2 Security Group Modified', 'query', 'low', 'An EC2 security group rule was changed.', [mitre('TA0005', 'T1562.001')], ['Domain: Cloud', 'Data Source: AWS']), { kind: 'cloud', actions: ['AuthorizeSecurityGroupIngress', 'RevokeSecurityGroupIngress'] }),
  bg(rule('AWS CloudTrail Log Updated', 'query', 'medium', 'A CloudTrail trail configuration changed.', [mitre('TA0005', 'T1562.001')], ['Domain: Cloud', 'Data Source: AWS']), { kind: 'cloud', actions: ['UpdateTrail', 'PutEventSelectors'] }),
  bg(rule('AWS IAM User Addition to Group', 'query', 'low', 'An IAM user was added to a group.', [mitre('TA0003', 'T1098')], ['Domain: Cloud', 'Data Source: AWS']), { kind: 'cloud', actions: ['AddUserToGroup'] }),
  bg(rule('Burst of Failed Sign-ins', 'esql', 'low', 'ES|QL: more than 20 failed sign-ins for one user in 10 minutes.', [mitre('TA0006', 'T1110')], ['Rule Type: ES|QL']), { kind: 'esql', metric: 'Esql.event_count' }),
  bg(rule('High Volume of Process Terminations', 'esql', 'low', 'ES|QL: one host terminated an unusual number of processes.', [mitre('TA0040', 'T1490')], ['Rule Type: ES|QL']), { kind: 'esql', metric: 'Esql.process_terminations' }),
  bg(rule('Rare Process Execution by Host', 'machine_learning', 'low', 'A machine learning job found a rare process for a host.', [mitre('TA0002', 'T1204')], ['Rule Type: ML']), { kind: 'ml', job: 'rare_process_by_host_windows' }),
  bg(rule('Malware Prevention Alert', 'query', 'high', 'Elastic Defend prevented a file classified as malware.', [mitre('TA0002', 'T1204.002')], ['Data Source: Elastic Defend']), { kind: 'malware' }),
];
