/**
 * The step picker inserts a step at the cursor (§7): the definition's first example, or a skeleton with the
 * required `with` keys, normalised to one `- name:` list item and indented to fit where it lands.
 */

function stripCommonIndent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, l.length - l.trimStart().length)));
}

/** An example may be a bare mapping, a list item, or a whole `steps:` block: reduce it to list items. */
export function normaliseExample(example: string): string[] {
  let lines = example.replace(/\r\n/g, '\n').replace(/\s+$/, '').split('\n');
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  lines = stripCommonIndent(lines);
  if (lines[0]?.trim() === 'steps:') lines = stripCommonIndent(lines.slice(1));
  if (lines.length === 0) return [];
  if (lines[0].startsWith('- ')) return lines;
  return lines.map((l, i) => (i === 0 ? `- ${l}` : l.trim() === '' ? l : `  ${l}`));
}

export function stepSkeleton(stepType: string, requiredWithKeys: readonly string[]): string {
  const name = stepType.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase() || 'step';
  const lines = [`- name: ${name}`, `  type: ${stepType}`];
  if (requiredWithKeys.length > 0) {
    lines.push('  with:');
    for (const key of requiredWithKeys) lines.push(`    ${key}: ""`);
  }
  return lines.join('\n');
}

export interface StepInsertion {
  /** 1-based line to insert before (a blank cursor line is replaced). */
  lineNumber: number;
  replaceLine: boolean;
  text: string;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * Where and how to insert: on a blank line, at that line with its indentation (or the indentation of the list
 * the previous lines belong to); on a non-blank line, after the current step item, at its indentation.
 */
export function planStepInsertion(lines: readonly string[], cursorLine: number, snippet: string): StepInsertion {
  const items = normaliseExample(snippet);
  const idx = Math.max(0, Math.min(cursorLine - 1, lines.length - 1));
  const current = lines[idx] ?? '';
  let indent: number;
  let lineNumber: number;
  let replaceLine = false;
  const nearestItemAbove = (from: number): number | undefined => {
    for (let i = from; i >= 0; i--) if (/^\s*- /.test(lines[i] ?? '')) return i;
    return undefined;
  };
  const stepsKeyIndent = (): number | undefined => {
    for (let i = lines.length - 1; i >= 0; i--) if (/^\s*steps:\s*$/.test(lines[i] ?? '')) return indentOf(lines[i] ?? '') + 2;
    return undefined;
  };
  if (current.trim() === '') {
    const above = nearestItemAbove(idx - 1);
    indent = current.length > 0 ? current.length : above !== undefined ? indentOf(lines[above] ?? '') : (stepsKeyIndent() ?? 2);
    lineNumber = idx + 1;
    replaceLine = true;
  } else {
    const item = nearestItemAbove(idx);
    indent = item !== undefined ? indentOf(lines[item] ?? '') : (stepsKeyIndent() ?? 2);
    // After the item's last line: the next line at or above its indentation ends it.
    let end = idx + 1;
    while (end < lines.length && (lines[end]?.trim() === '' || indentOf(lines[end] ?? '') > indent)) end++;
    while (end > idx + 1 && lines[end - 1]?.trim() === '') end--;
    lineNumber = end + 1;
  }
  const pad = ' '.repeat(indent);
  const text = items.map((l) => (l.trim() === '' ? '' : `${pad}${l}`)).join('\n');
  return { lineNumber, replaceLine, text };
}

/** Applies a plan to the text (what the editor does through an edit operation). */
export function applyStepInsertion(source: string, plan: StepInsertion): string {
  const lines = source.split('\n');
  const at = plan.lineNumber - 1;
  lines.splice(at, plan.replaceLine ? 1 : 0, ...plan.text.split('\n'));
  return lines.join('\n');
}
