import { createHash } from 'node:crypto';

/**
 * sha256 of a workflow YAML in canonical form (triage-steps §7): line endings normalised, line ends and the whole
 * text trimmed, and the top-level `enabled:` value blanked, so toggling a workflow on or off is not an edit.
 */
export function canonicalizeWorkflowYaml(yaml: string): string {
  return yaml
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()
    .replace(/^enabled:.*$/m, 'enabled: <canon>');
}

export const canonicalWorkflowHash = (yaml: string): string => createHash('sha256').update(canonicalizeWorkflowYaml(yaml), 'utf8').digest('hex');
