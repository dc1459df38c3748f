import { createWorkflowLiquid } from '../../../../packages/workflows/liquid';
import { cacheParsedTemplates, MAX_CACHED_TEMPLATE_CHARS } from './template_cache';

const countingLiquid = (maxEntries?: number) => {
  const liquid = createWorkflowLiquid();
  const calls: string[] = [];
  const original = liquid.parse.bind(liquid);
  liquid.parse = (html: string, filepath?: string) => {
    calls.push(html);
    return original(html, filepath);
  };
  return { liquid: cacheParsedTemplates(liquid, maxEntries), calls };
};

describe('cacheParsedTemplates', () => {
  it('parses a template once and renders it against each context', async () => {
    const { liquid, calls } = countingLiquid();
    const template = '{% for x in items %}{{ x | upcase }}{% unless forloop.last %},{% endunless %}{% endfor %} @ {{ who }}';
    expect(await liquid.parseAndRender(template, { items: ['a', 'b'], who: 'one' })).toBe('A,B @ one');
    expect(await liquid.parseAndRender(template, { items: ['c'], who: 'two' })).toBe('C @ two');
    expect(calls).toEqual([template]);
  });

  it('keeps assign/capture state per render, not in the shared template', async () => {
    const { liquid } = countingLiquid();
    const template = '{% assign n = n | default: 0 | plus: 1 %}{% capture c %}[{{ n }}]{% endcapture %}{{ c }}';
    expect(await liquid.parseAndRender(template, {})).toBe('[1]');
    expect(await liquid.parseAndRender(template, {})).toBe('[1]');
    expect(await liquid.parseAndRender(template, { n: 5 })).toBe('[6]');
  });

  it('evicts the least recently used template beyond its size', async () => {
    const { liquid, calls } = countingLiquid(2);
    await liquid.parseAndRender('{{ a }}', { a: 1 });
    await liquid.parseAndRender('{{ b }}', { b: 1 });
    await liquid.parseAndRender('{{ a }}', { a: 2 }); // a is now the most recent
    await liquid.parseAndRender('{{ c }}', { c: 1 }); // evicts b
    await liquid.parseAndRender('{{ a }}', { a: 3 });
    await liquid.parseAndRender('{{ b }}', { b: 2 });
    expect(calls).toEqual(['{{ a }}', '{{ b }}', '{{ c }}', '{{ b }}']);
  });

  it('does not cache parse errors or very long templates', async () => {
    const { liquid, calls } = countingLiquid();
    await expect(liquid.parseAndRender('{% if %}', {})).rejects.toThrow();
    await expect(liquid.parseAndRender('{% if %}', {})).rejects.toThrow();
    const long = `{{ x }}${' '.repeat(MAX_CACHED_TEMPLATE_CHARS)}`;
    await liquid.parseAndRender(long, { x: 1 });
    await liquid.parseAndRender(long, { x: 2 });
    expect(calls).toHaveLength(4);
  });

  it('still enforces the render limit on a cached template', async () => {
    const liquid = cacheParsedTemplates(createWorkflowLiquid({ renderLimit: 50 }));
    const template = '{% for i in (1..100000000) %}{{ i }}{% endfor %}';
    await expect(liquid.parseAndRender(template, {})).rejects.toThrow(/limit/i);
    await expect(liquid.parseAndRender(template, {})).rejects.toThrow(/limit/i);
  });
});
