/** Hostile workflow YAML documents for the limits suite, each with the `yaml-too-large` / `yaml-syntax` message it must get. */

const HEADER = 'version: "1"\nname: hostile\ntriggers:\n  - type: manual\n';

export interface HostileYaml {
  label: string;
  yaml: string;
  /** The error diagnostic's message must match. */
  message: RegExp;
}

/** Billion laughs: 10 levels of anchors, each a list of nine aliases of the one before (10^9 strings expanded). */
export function billionLaughs(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${HEADER}${lines.join('\n')}\nsteps:\n  - name: s\n    type: console\n    with:\n      message: *a9\n`;
}

/** One flat 500 KB anchor reused by 900 steps: passes yaml's alias count, expands to ~450 MB of text. */
export function aliasFanOut(): string {
  const steps = Array.from({ length: 900 }, (_, i) => `  - { name: s${i}, type: console, with: { message: *big } }`);
  return `${HEADER}big: &big [${Array.from({ length: 500 }, () => `"${'y'.repeat(1000)}"`).join(',')}]\nsteps:\n${steps.join('\n')}\n`;
}

export const deepFlowSequence = (depth: number): string => `${HEADER}steps: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
export const deepJson = (depth: number): string => `${HEADER}steps: ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}\n`;
export const deepCompactSequence = (depth: number): string => `${HEADER}steps:\n  ${'- '.repeat(depth)}x\n`;
export function deepBlockMapping(depth: number): string {
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(i + 4)}k${i}:`);
  return `${HEADER}steps:\n  - name: s\n    type: console\n    with:\n${lines.join('\n')} x\n`;
}
export const deepWithValue = (depth: number): string =>
  `${HEADER}steps:\n  - name: s\n    type: data.set\n    with:\n      v: ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}\n`;
export const hugeDocument = (bytes: number): string => `${HEADER}description: "${'x'.repeat(bytes)}"\nsteps:\n  - { name: s, type: console, with: { message: hi } }\n`;
export function manySteps(count: number): string {
  return `${HEADER}steps:\n${Array.from({ length: count }, (_, i) => `  - { name: s${i}, type: console, with: { message: m } }`).join('\n')}\n`;
}
export function manyNestedSteps(count: number): string {
  const inner = Array.from({ length: count }, (_, i) => `      - { name: n${i}, type: console, with: { message: m } }`).join('\n');
  return `${HEADER}steps:\n  - name: loop\n    type: foreach\n    foreach: "{{ inputs.items }}"\n    steps:\n${inner}\n`;
}

/** Every hostile document of the suite, all under the 1 MiB HTTP payload limit unless the label says otherwise. */
export function hostileYamls(): HostileYaml[] {
  return [
    { label: 'billion laughs', yaml: billionLaughs(), message: /Excessive alias count|expands \(through aliases\)/ },
    { label: 'alias fan-out (900 × 500 KB)', yaml: aliasFanOut(), message: /expands \(through aliases\)/ },
    { label: 'flow sequences nested 10k deep', yaml: deepFlowSequence(10_000), message: /nests deeper than 100 levels/ },
    { label: 'flow sequences nested 400k deep', yaml: deepFlowSequence(400_000), message: /nests deeper than 100 levels/ },
    { label: 'JSON objects nested 10k deep', yaml: deepJson(10_000), message: /nests deeper than 100 levels/ },
    { label: 'compact block sequences 10k deep', yaml: deepCompactSequence(10_000), message: /nests deeper than 100 levels/ },
    { label: 'block mappings 1k deep', yaml: deepBlockMapping(1_000), message: /nests deeper than 100 levels/ },
    { label: 'step input nested 10k deep', yaml: deepWithValue(10_000), message: /nests deeper than 100 levels/ },
    { label: '1200 steps', yaml: manySteps(1_200), message: /1200 steps; at most 1000/ },
    { label: '1500 steps inside a foreach', yaml: manyNestedSteps(1_500), message: /1501 steps; at most 1000/ },
  ];
}
