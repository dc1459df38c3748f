import { createWorkflowLiquid } from './create_workflow_liquid';
import { TemplateRenderError, stripLiquidPosition } from './errors';
import { checkTemplateSyntax, evaluateTypedExpression, renderTemplateString, renderWorkflowValue } from './render';

const liquid = createWorkflowLiquid();
const context = {
  inputs: { count: 3, name: 'Ada', flag: false, list: [1, 2], nested: { a: { b: 'deep' } } },
  consts: { threshold: 0.8 },
  steps: { first: { output: { hits: [{ id: 'a' }, { id: 'b' }] } } },
  event: { alerts: [{ _id: 'x1' }] },
};

describe('renderWorkflowValue', () => {
  it('leaves null, numbers and booleans unchanged and renders strings', async () => {
    expect(await renderWorkflowValue(null, context, liquid)).toBeNull();
    expect(await renderWorkflowValue(5, context, liquid)).toBe(5);
    expect(await renderWorkflowValue(false, context, liquid)).toBe(false);
    expect(await renderWorkflowValue('plain', context, liquid)).toBe('plain');
    expect(await renderWorkflowValue('Hi {{ inputs.name }}', context, liquid)).toBe('Hi Ada');
    expect(await renderWorkflowValue('{{ inputs.count }}', context, liquid)).toBe('3');
  });

  it('recurses into arrays and objects without rendering keys', async () => {
    const value = { '{{ inputs.name }}': ['{{ inputs.count }}', { inner: '${{ inputs.count }}' }], n: 1 };
    expect(await renderWorkflowValue(value, context, liquid)).toEqual({ '{{ inputs.name }}': ['3', { inner: 3 }], n: 1 });
  });

  it('keeps types for ${{ }} and drops keys that evaluate to undefined', async () => {
    const value = {
      list: '${{ inputs.list }}',
      flag: '${{ inputs.flag }}',
      obj: '${{ inputs.nested.a }}',
      missing: '${{ inputs.nope }}',
      filtered: '${{ steps.first.output.hits | map: "id" }}',
      expr: '${{ inputs.count > 2 and inputs.flag == false }}',
      literal: '${{ "text" }}',
    };
    expect(await renderWorkflowValue(value, context, liquid)).toEqual({
      list: [1, 2],
      flag: false,
      obj: { b: 'deep' },
      filtered: ['a', 'b'],
      expr: true,
      literal: 'text',
    });
  });

  it('only treats exact ${{ … }} strings as typed', async () => {
    expect(await renderWorkflowValue(' ${{ inputs.count }}', context, liquid)).toBe(' $3');
    expect(await renderWorkflowValue('${{ inputs.count }}\n', context, liquid)).toBe('$3\n');
  });

  it('renders missing variables as empty text and arrays/objects as Liquid prints them', async () => {
    expect(await renderWorkflowValue('[{{ nope.deeper }}]', context, liquid)).toBe('[]');
    expect(await renderWorkflowValue('{{ inputs.list }}', context, liquid)).toBe('12');
    expect(await renderWorkflowValue('{{ inputs.nested }}', context, liquid)).toBe('[object Object]');
  });

  it('supports the tags the workflows use', async () => {
    const template =
      '{% assign n = inputs.count | plus: 1 %}{% capture c %}n={{ n }}{% endcapture %}{{ c }}' +
      '{% if n > 3 %} big{% elsif n > 1 %} mid{% else %} small{% endif %}' +
      '{% for x in inputs.list limit: 1 %} item{{ x }}{% endfor %}' +
      '{% comment %}hidden{% endcomment %}{%- if true -%} trimmed {%- endif -%}' +
      '{% unless inputs.flag %} u{% endunless %}{% case inputs.name %}{% when "Ada" %} ada{% endcase %}{% raw %}{{ x }}{% endraw %}';
    expect(await renderWorkflowValue(template, context, liquid)).toBe('n=4 big item1trimmed u ada{{ x }}');
  });

  it('wraps errors in TemplateRenderError without the position suffix', async () => {
    const error = await renderWorkflowValue('a {{ x | bogus }}', context, liquid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect((error as TemplateRenderError).type).toBe('TemplateRenderError');
    expect((error as TemplateRenderError).message).toBe('undefined filter: bogus');
    await expect(renderWorkflowValue('{% if %}', context, liquid)).rejects.toBeInstanceOf(TemplateRenderError);
  });

  it('rejects file tags and removes every tag outside the allowed list', async () => {
    await expect(renderTemplateString('{% include "x" %}', context, liquid)).rejects.toThrow('Template contains unsupported tags.');
    await expect(renderTemplateString('{%- render "x" %}', context, liquid)).rejects.toThrow('Template contains unsupported tags.');
    await expect(renderTemplateString('{% layout "x" %}', context, liquid)).rejects.toThrow('Template contains unsupported tags.');
    await expect(renderTemplateString('{% tablerow x in inputs.list %}{% endtablerow %}', context, liquid)).rejects.toThrow('tag "tablerow" not found');
    await expect(renderTemplateString('{% block a %}{% endblock %}', context, liquid)).rejects.toThrow('tag "block" not found');
  });
});

describe('evaluateTypedExpression', () => {
  it('evaluates the text between the first {{ and the last }}', async () => {
    expect(await evaluateTypedExpression('{{ event.alerts }}', context, liquid)).toEqual([{ _id: 'x1' }]);
    expect(await evaluateTypedExpression('${{consts.threshold}}', context, liquid)).toBe(0.8);
    expect(await evaluateTypedExpression('${{ inputs.list | size }}', context, liquid)).toBe(2);
    expect(await evaluateTypedExpression('${{ inputs.name contains "A" }}', context, liquid)).toBe(true);
    expect(await evaluateTypedExpression('${{ missing.path }}', context, liquid)).toBeUndefined();
  });

  it.each(['no braces', '${{ }}', '${{ inputs.list | nope }}', '}} {{'])('fails with the spec message for %j', async (template) => {
    await expect(evaluateTypedExpression(template, context, liquid)).rejects.toThrow(`The provided expression is invalid. Got: ${template}.`);
  });
});

describe('sandbox and limits', () => {
  it.each(['{{ constructor }}', '{{ inputs.__proto__ }}', '{{ inputs.constructor.constructor }}', '{{ inputs.list.constructor }}'])(
    '%s renders empty',
    async (template) => {
      expect(await renderWorkflowValue(template, context, liquid)).toBe('');
    },
  );

  it('cannot reach the Function constructor through typed expressions', async () => {
    expect(await evaluateTypedExpression('${{ inputs.constructor.constructor }}', context, liquid)).toBeUndefined();
  });

  it('stops render bombs with the render limit', async () => {
    const small = createWorkflowLiquid({ renderLimit: 100 });
    const started = Date.now();
    await expect(
      renderWorkflowValue('{% for a in (1..100000) %}{% for b in (1..100000) %}x{% endfor %}{% endfor %}', context, small),
    ).rejects.toThrow(/render limit exceeded/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops memory bombs with the memory limit', async () => {
    const small = createWorkflowLiquid({ memoryLimit: 1000 });
    await expect(renderWorkflowValue('{% for a in (1..100000) %}{{ a }}{% endfor %}', context, small)).rejects.toThrow(/memory alloc limit exceeded/);
  });

  it('caps settings.liquid at the maxima and stops long templates with the parse limit', async () => {
    const small = createWorkflowLiquid({ parseLimit: 10 });
    await expect(renderWorkflowValue('{{ "a much longer template" }}', context, small)).rejects.toThrow(/parse length limit exceeded/);
  });

  it('formats dates in UTC unless a timezone is given', async () => {
    expect(await renderWorkflowValue('{{ "2024-01-01T10:00:00Z" | date: "%H:%M" }}', context, liquid)).toBe('10:00');
    expect(await renderWorkflowValue('{{ "2024-01-01T10:00:00Z" | date: "%H:%M" }}', context, createWorkflowLiquid({ timezone: 'Asia/Tokyo' }))).toBe('19:00');
  });
});

describe('checkTemplateSyntax / stripLiquidPosition', () => {
  it('reports parse errors and banned tags without rendering', () => {
    expect(checkTemplateSyntax('{{ a | json }}', liquid)).toBeUndefined();
    expect(checkTemplateSyntax('${{ a and b == false }}', liquid)).toBeUndefined();
    expect(checkTemplateSyntax('{{ a | nope }}', liquid)).toBe('undefined filter: nope');
    expect(checkTemplateSyntax('{% if a %}', liquid)).toMatch(/tag \{% if a %\} not closed/);
    expect(checkTemplateSyntax('{% include "x" %}', liquid)).toBe('Template contains unsupported tags.');
    expect(checkTemplateSyntax('${{ }}', liquid)).toBe('The provided expression is invalid. Got: ${{ }}.');
  });

  it('removes the LiquidJS position suffix', () => {
    expect(stripLiquidPosition('undefined filter: x, line:1, col:4')).toBe('undefined filter: x');
    expect(stripLiquidPosition('plain')).toBe('plain');
  });
});
