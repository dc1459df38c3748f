import type { FieldRule } from './types';

/** Expands `a.{b,c.{d,e}}` into `a.b`, `a.c.d`, `a.c.e` (brace groups may nest). */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open === -1) return [pattern];
  let depth = 0;
  let close = -1;
  for (let i = open; i < pattern.length; i += 1) {
    if (pattern[i] === '{') depth += 1;
    else if (pattern[i] === '}') {
      depth -= 1;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close === -1) throw new Error(`Unbalanced braces in field pattern ${pattern}`);
  const alternatives: string[] = [];
  let start = open + 1;
  depth = 0;
  for (let i = open + 1; i < close; i += 1) {
    if (pattern[i] === '{') depth += 1;
    else if (pattern[i] === '}') depth -= 1;
    else if (pattern[i] === ',' && depth === 0) {
      alternatives.push(pattern.slice(start, i).trim());
      start = i + 1;
    }
  }
  alternatives.push(pattern.slice(start, close).trim());
  const prefix = pattern.slice(0, open);
  const rest = pattern.slice(close + 1);
  return alternatives.flatMap((alt) => expandBraces(`${prefix}${alt}${rest}`));
}

const THREAT = 'threat.{framework, tactic.{id,name,reference}, technique.{id,name,reference}, technique.subtechnique.{id,name,reference}}';

/** §5.2 groups, in the spec's order. Entries ending in [A] are anonymized. */
const BALANCED_PATTERNS: string[] = [
  // Event
  '_id', '@timestamp', 'message', 'event.{category,dataset,module,outcome}',
  // Agent, cloud
  'agent.id', 'cloud.{availability_zone,provider,region}',
  // Network
  'source.ip', 'destination.ip', 'network.protocol', 'dns.question.{name,type}',
  // File
  'file.name', 'file.path', 'file.Ext.original.path', 'file.hash.sha256',
  // Host
  'host.name [A]', 'host.ip [A]', 'host.os.{name,version}', 'host.asset.criticality',
  'host.risk.{calculated_level,calculated_score_norm}',
  // User
  'user.name [A]', 'user.target.name [A]', 'user.domain', 'user.asset.criticality',
  'user.risk.{calculated_level,calculated_score_norm}', 'group.{id,name}',
  // Alert
  'kibana.alert.{original_time,risk_score,severity,workflow_status}',
  'kibana.alert.rule.{name,description,references}',
  // Alert threat
  `kibana.alert.rule.${THREAT}`,
  // ECS rule, threat
  'rule.{name,reference}', THREAT,
  // Process
  'process.{name,executable,args,command_line,working_directory,pid,exit_code}',
  'process.hash.{md5,sha1,sha256}', 'process.pe.original_file_name',
  'process.code_signature.{exists,signing_id,status,subject_name,trusted}',
  'process.Ext.token.integrity_level_name',
  'process.Ext.memory_region.{bytes_compressed_present, malware_signature.{all_names, primary.matches, primary.signature.name}}',
  // Parent
  'process.parent.{name,executable,args,args_count,command_line}',
  'process.parent.code_signature.{exists,status,subject_name,trusted}',
  // Ransomware
  'Ransomware.{feature,version}', 'Ransomware.files.{data,entropy,extension,metrics,operation,path,score}',
];

/** Fields the Strict preset anonymizes on top of Balanced (§5.2). */
const STRICT_EXTRA_ANONYMIZED = new Set([
  '_id',
  'cloud.availability_zone',
  'cloud.provider',
  'cloud.region',
  'source.ip',
  'destination.ip',
  'file.name',
  'file.path',
  'file.Ext.original.path',
  'user.domain',
]);

function buildBalanced(): FieldRule[] {
  return BALANCED_PATTERNS.flatMap((entry) => {
    const anonymized = entry.endsWith(' [A]');
    const pattern = anonymized ? entry.slice(0, -4) : entry;
    return expandBraces(pattern).map((field) => ({ field, allowed: true, anonymized }));
  });
}

export type AnonymizationPreset = 'balanced' | 'strict';

export const BALANCED_FIELD_RULES: readonly FieldRule[] = Object.freeze(buildBalanced());

export const STRICT_FIELD_RULES: readonly FieldRule[] = Object.freeze(
  BALANCED_FIELD_RULES.map((rule) => ({ ...rule, anonymized: rule.anonymized || STRICT_EXTRA_ANONYMIZED.has(rule.field) })),
);

/** A fresh copy of a preset's rows (callers may mutate it). */
export function getDefaultFieldRules(preset: AnonymizationPreset = 'balanced'): FieldRule[] {
  return (preset === 'strict' ? STRICT_FIELD_RULES : BALANCED_FIELD_RULES).map((rule) => ({ ...rule }));
}
