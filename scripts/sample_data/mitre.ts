/** A small MITRE ATT&CK table: enough to give every sample rule real tactic/technique objects. */
import type { MitreThreat } from './types';

const TACTICS: Record<string, string> = {
  TA0001: 'Initial Access',
  TA0002: 'Execution',
  TA0003: 'Persistence',
  TA0004: 'Privilege Escalation',
  TA0005: 'Defense Evasion',
  TA0006: 'Credential Access',
  TA0007: 'Discovery',
  TA0008: 'Lateral Movement',
  TA0010: 'Exfiltration',
  TA0011: 'Command and Control',
  TA0040: 'Impact',
};

const TECHNIQUES: Record<string, string> = {
  T1566: 'Phishing',
  'T1566.001': 'Spearphishing Attachment',
  T1078: 'Valid Accounts',
  'T1078.004': 'Cloud Accounts',
  T1059: 'Command and Scripting Interpreter',
  'T1059.001': 'PowerShell',
  'T1059.004': 'Unix Shell',
  T1204: 'User Execution',
  'T1204.002': 'Malicious File',
  T1569: 'System Services',
  'T1569.002': 'Service Execution',
  T1053: 'Scheduled Task/Job',
  'T1053.003': 'Cron',
  'T1053.005': 'Scheduled Task',
  T1136: 'Create Account',
  'T1136.001': 'Local Account',
  T1098: 'Account Manipulation',
  T1543: 'Create or Modify System Process',
  'T1543.003': 'Windows Service',
  T1547: 'Boot or Logon Autostart Execution',
  'T1547.001': 'Registry Run Keys / Startup Folder',
  T1548: 'Abuse Elevation Control Mechanism',
  'T1548.003': 'Sudo and Sudo Caching',
  T1027: 'Obfuscated Files or Information',
  'T1027.010': 'Command Obfuscation',
  T1218: 'System Binary Proxy Execution',
  'T1218.011': 'Rundll32',
  T1562: 'Impair Defenses',
  'T1562.001': 'Disable or Modify Tools',
  T1070: 'Indicator Removal',
  T1003: 'OS Credential Dumping',
  'T1003.001': 'LSASS Memory',
  T1110: 'Brute Force',
  'T1110.001': 'Password Guessing',
  'T1110.003': 'Password Spraying',
  T1033: 'System Owner/User Discovery',
  T1087: 'Account Discovery',
  'T1087.001': 'Local Account',
  T1046: 'Network Service Discovery',
  T1082: 'System Information Discovery',
  T1021: 'Remote Services',
  'T1021.002': 'SMB/Windows Admin Shares',
  T1570: 'Lateral Tool Transfer',
  T1537: 'Transfer Data to Cloud Account',
  T1530: 'Data from Cloud Storage',
  T1071: 'Application Layer Protocol',
  'T1071.004': 'DNS',
  T1105: 'Ingress Tool Transfer',
  T1568: 'Dynamic Resolution',
  'T1568.002': 'Domain Generation Algorithms',
  T1571: 'Non-Standard Port',
  T1486: 'Data Encrypted for Impact',
  T1490: 'Inhibit System Recovery',
  T1552: 'Unsecured Credentials',
  'T1552.005': 'Cloud Instance Metadata API',
};

function name(table: Record<string, string>, id: string): string {
  const n = table[id];
  if (!n) throw new Error(`Unknown MITRE id ${id}`);
  return n;
}

/** `mitre('TA0002', 'T1059.001', 'T1027')`: one tactic with its techniques (sub-techniques as `T.sub`). */
export function mitre(tacticId: string, ...techniqueIds: string[]): MitreThreat {
  const techniques = new Map<string, NonNullable<MitreThreat['technique'][number]['subtechnique']>>();
  for (const id of techniqueIds) {
    const [base, sub] = id.split('.');
    if (!base) continue;
    const subs = techniques.get(base) ?? [];
    if (sub) subs.push({ id, name: name(TECHNIQUES, id), reference: `https://attack.mitre.org/techniques/${base}/${sub}/` });
    techniques.set(base, subs);
  }
  return {
    framework: 'MITRE ATT&CK',
    tactic: { id: tacticId, name: name(TACTICS, tacticId), reference: `https://attack.mitre.org/tactics/${tacticId}/` },
    technique: [...techniques.entries()].map(([id, subs]) => ({
      id,
      name: name(TECHNIQUES, id),
      reference: `https://attack.mitre.org/techniques/${id}/`,
      ...(subs.length > 0 ? { subtechnique: subs } : {}),
    })),
  };
}
