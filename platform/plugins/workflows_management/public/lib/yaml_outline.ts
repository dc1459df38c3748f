/**
 * What the editor needs from the unsaved buffer without a server round trip: trigger types and declared inputs
 * (for the Run dialog's tabs and form) and step names (for template completion). Tolerates broken YAML.
 */
import { parse } from 'yaml';
import type { WorkflowInputs, WorkflowStep } from '../../../../packages/workflows/definition';

export interface YamlOutline {
  /** `name` when it is a non-empty string. */
  name?: string;
  triggerTypes: string[];
  /** Manual trigger inputs win over top-level ones (§1.1). */
  inputs?: WorkflowInputs;
  consts: string[];
  /** Step names in YAML pre-order. */
  stepNames: string[];
  steps: WorkflowStep[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function outlineWorkflowYaml(source: string): YamlOutline {
  let doc: unknown;
  try {
    doc = parse(source, { prettyErrors: false, uniqueKeys: false });
  } catch {
    return { triggerTypes: [], consts: [], stepNames: [], steps: [] };
  }
  if (!isRecord(doc)) return { triggerTypes: [], consts: [], stepNames: [], steps: [] };
  const triggers = Array.isArray(doc.triggers) ? doc.triggers.filter(isRecord) : [];
  const triggerTypes = triggers.map((t) => t.type).filter((t): t is string => typeof t === 'string');
  const manual = triggers.find((t) => t.type === 'manual');
  const inputs = (manual?.inputs ?? doc.inputs) as WorkflowInputs | undefined;
  const consts = isRecord(doc.consts) ? Object.keys(doc.consts) : [];
  const steps = Array.isArray(doc.steps) ? (doc.steps.filter(isRecord) as WorkflowStep[]) : [];
  const stepNames: string[] = [];
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const s of list) {
      if (!isRecord(s)) continue;
      if (typeof s.name === 'string') stepNames.push(s.name);
      walk(s.steps);
      walk(s.else);
      walk(isRecord(s['on-failure']) ? s['on-failure'].fallback : undefined);
    }
  };
  walk(steps);
  const name = typeof doc.name === 'string' && doc.name.trim() !== '' ? doc.name : undefined;
  return { name, triggerTypes, inputs: inputs ?? undefined, consts, stepNames, steps };
}
