import type { JsonSchemaOutput } from './types';

/** The instruction used when a provider has no native structured output. */
export function jsonInstruction(output: JsonSchemaOutput): string {
  return [
    'Answer with a single JSON value and nothing else: no prose, no code fences.',
    'It must validate against this JSON Schema:',
    JSON.stringify(output.schema),
  ].join('\n');
}

/**
 * Finds the first complete JSON object or array in model text (code fences and prose around it are ignored).
 * Returns undefined when there is none.
 */
export function extractJson(text: string): { value: unknown } | undefined {
  const trimmed = text.trim();
  try {
    return { value: JSON.parse(trimmed) as unknown };
  } catch {
    // fall through to scanning
  }
  for (let start = 0; start < text.length; start += 1) {
    const open = text[start];
    if (open !== '{' && open !== '[') continue;
    const end = matchingClose(text, start);
    if (end === -1) continue;
    try {
      return { value: JSON.parse(text.slice(start, end + 1)) as unknown };
    } catch {
      // not JSON after all; keep scanning
    }
  }
  return undefined;
}

/** Index of the bracket closing the one at `start`, skipping strings; -1 when unbalanced. */
function matchingClose(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch === '{' ? '}' : ']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}
