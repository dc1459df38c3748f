import { adminWhoamiScenario } from './admin_whoami';
import { bruteforceScenario } from './bruteforce';
import { cloudTakeoverScenario } from './cloud_takeover';
import type { Scenario } from './context';
import { dnsC2Scenario } from './dns_c2';
import { linuxRevshellScenario } from './linux_revshell';
import { mlRareProcessScenario } from './ml_rare_process';
import { ransomwareScenario } from './ransomware';
import { sccmPowershellScenario } from './sccm_powershell';
import { tiMatchScenario } from './ti_match';
import { vulnScannerScenario } from './vuln_scanner';

export { createScenarioContext, DAY, HOUR, MINUTE } from './context';
export type { Scenario, ScenarioAlertSpec, ScenarioContext, ScenarioIncident } from './context';

/** Every scenario in generation order (order is part of determinism). */
export const SCENARIOS: readonly Scenario[] = [
  ransomwareScenario,
  linuxRevshellScenario,
  cloudTakeoverScenario,
  bruteforceScenario,
  dnsC2Scenario,
  tiMatchScenario,
  adminWhoamiScenario,
  vulnScannerScenario,
  sccmPowershellScenario,
  mlRareProcessScenario,
];
