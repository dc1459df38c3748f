/** Shapes shared by the sample-data generator, its scenarios and the seeding code. */

export type WorkflowStatus = 'open' | 'acknowledged' | 'closed';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type RuleType = 'query' | 'eql' | 'threshold' | 'threat_match' | 'machine_learning' | 'new_terms' | 'esql';
export type Verdict = 'true_positive' | 'false_positive' | 'inconclusive' | 'benign';

export const SCENARIO_IDS = [
  'ransomware',
  'linux-revshell',
  'cloud-takeover',
  'bruteforce',
  'dns-c2',
  'ti-match',
  'admin-whoami',
  'vuln-scanner',
  'sccm-powershell',
  'ml-rare-process',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** An alert document as Elastic Security writes it: `kibana.*` flat dotted keys, ECS nested objects. */
export type AlertDocument = Record<string, unknown>;

export interface MitreThreat {
  framework: 'MITRE ATT&CK';
  tactic: { id: string; name: string; reference: string };
  technique: Array<{
    id: string;
    name: string;
    reference: string;
    subtechnique?: Array<{ id: string; name: string; reference: string }>;
  }>;
}

export interface RuleDef {
  /** The prebuilt rule's stable id (`kibana.alert.rule.rule_id`). */
  ruleId: string;
  name: string;
  description: string;
  type: RuleType;
  severity: Severity;
  riskScore: number;
  references: string[];
  threat: MitreThreat[];
  tags: string[];
}

/** What a scenario or the background says about one alert; the builder turns it into a document. */
export interface AlertSpec {
  rule: RuleDef;
  timestamp: number;
  /** ECS fields of the source event as nested objects (host, user, process, ...). `event.kind` is forced to `signal`. */
  ecs: Record<string, unknown>;
  /** Extra flat `kibana.*` or aggregated (`Esql.*`) fields. */
  extra?: Record<string, unknown>;
  /** Overrides the generated `kibana.alert.reason`. */
  reason?: string;
  workflow?: { status: WorkflowStatus; reason?: string; tags?: string[]; user?: string; updatedAt?: number };
  /** esql alerts carry only a few fields: no ancestors/original_event copy. */
  sparse?: boolean;
}

/** Ground truth for one alert. Never written into the document. */
export interface AlertLabel {
  scenario: ScenarioId | 'background';
  incident?: string;
  expectedVerdict: Verdict;
  /** The step of the story this alert represents (e.g. `lateral-movement-source`). */
  role?: string;
  /** Trap entities this alert carries (`user.name=SYSTEM`, ...). */
  traps?: string[];
}

export interface SampleAlert {
  id: string;
  doc: AlertDocument;
  label: AlertLabel;
}

export interface GenerateOptions {
  count: number;
  seed: number | string;
  spaceId: string;
  /** Reference time (epoch ms or ISO string); the corpus spans the 7 days before it. */
  now: number | string | Date;
}
