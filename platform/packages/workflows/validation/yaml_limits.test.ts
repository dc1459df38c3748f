import { checkExpandedValue, countRawSteps, estimateYamlDepthExceeds, MAX_WORKFLOW_EXPANDED_NODES, MAX_WORKFLOW_YAML_DEPTH } from './yaml_limits';

describe('estimateYamlDepthExceeds', () => {
  it('counts flow brackets, open indentations and compact indicators', () => {
    expect(estimateYamlDepthExceeds(`a: ${'['.repeat(11)}${']'.repeat(11)}`, 10)).toBe(true);
    expect(estimateYamlDepthExceeds(`a: ${'['.repeat(5)}${']'.repeat(5)}`, 10)).toBe(false);
    expect(estimateYamlDepthExceeds(`${'- '.repeat(12)}x`, 10)).toBe(true);
    const block = Array.from({ length: 12 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n');
    expect(estimateYamlDepthExceeds(block, 10)).toBe(true);
    expect(estimateYamlDepthExceeds('a:\n  b: 1\nc:\n  d: 2\n', 10)).toBe(false);
  });

  it('ignores brackets inside quoted scalars, block scalars and comments', () => {
    const many = '['.repeat(500);
    expect(estimateYamlDepthExceeds(`a: "${many}"\nb: '${many}'\n# ${many}\nc: |\n  ${many}\n  ${many}\nd: >-\n  ${many}\n`)).toBe(false);
  });

  it('stops early on a hostile document', () => {
    const started = Date.now();
    expect(estimateYamlDepthExceeds(`a: ${'['.repeat(400_000)}`)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('checkExpandedValue', () => {
  it('counts shared (aliased) values each time they are used', () => {
    const shared = Array.from({ length: 1000 }, () => 'x');
    const value = { steps: Array.from({ length: 300 }, () => shared) };
    expect(checkExpandedValue(value)).toEqual({ kind: 'nodes', limit: MAX_WORKFLOW_EXPANDED_NODES });
    expect(checkExpandedValue({ steps: [shared] })).toBeUndefined();
  });

  it('reports depth past the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < MAX_WORKFLOW_YAML_DEPTH + 1; i++) deep = { a: deep };
    expect(checkExpandedValue(deep)).toEqual({ kind: 'depth', limit: MAX_WORKFLOW_YAML_DEPTH });
  });
});

describe('countRawSteps', () => {
  it('counts nested steps, else branches and fallbacks', () => {
    const raw = {
      steps: [
        { name: 'a', steps: [{ name: 'b' }, { name: 'c' }], else: [{ name: 'd' }] },
        { name: 'e', 'on-failure': { fallback: [{ name: 'f' }] } },
      ],
    };
    expect(countRawSteps(raw)).toBe(6);
    expect(countRawSteps('not a workflow')).toBe(0);
  });
});
