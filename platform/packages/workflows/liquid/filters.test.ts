import { createWorkflowLiquid } from './create_workflow_liquid';
import { entriesFilter, jsonParseFilter, pickFilter } from './filters';

describe('custom filters', () => {
  const liquid = createWorkflowLiquid();
  const render = (template: string, context: object = {}) => liquid.parseAndRender(template, context);

  it('json_parse parses strings and passes everything else through', async () => {
    expect(jsonParseFilter('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(jsonParseFilter('not json')).toBe('not json');
    expect(jsonParseFilter(5)).toBe(5);
    const obj = { a: 1 };
    expect(jsonParseFilter(obj)).toBe(obj);
    expect(await render('{{ s | json_parse | map: "id" | join: "," }}', { s: '[{"id":"x"},{"id":"y"}]' })).toBe('x,y');
    expect(await render('{% assign t = s | json_parse %}{% for m in t %}{{ m }};{% endfor %}', { s: '["T1","T2"]' })).toBe('T1;T2;');
  });

  it('entries turns objects into key/value pairs', async () => {
    expect(entriesFilter({ a: 1, b: { c: 2 } })).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: { c: 2 } },
    ]);
    expect(entriesFilter([1, 2])).toEqual([1, 2]);
    expect(entriesFilter('x')).toBe('x');
    expect(entriesFilter(null)).toBeNull();
    expect(await render('{% assign es = o | entries %}{% for e in es %}{{ e.key }}={{ e.value }} {% endfor %}', { o: { x: 1, y: 'z' } })).toBe('x=1 y=z ');
  });

  it('pick keeps only the given dotted paths', async () => {
    const source = { a: { b: 1, c: 2 }, d: 3, e: { f: { g: 4 } } };
    expect(pickFilter(source, 'a.b', 'd')).toEqual({ a: { b: 1 }, d: 3 });
    expect(pickFilter(source, 'e.f.g', 'missing.path', 'a.b.c')).toEqual({ e: { f: { g: 4 } } });
    expect(pickFilter(source)).toEqual({});
    expect(pickFilter([1], 'a')).toEqual([1]);
    expect(await render('{{ o | pick: "a.c", "d" | json }}', { o: source })).toBe('{"a":{"c":2},"d":3}');
  });

  it('keeps the built-in filters the security workflow uses', async () => {
    const context = { list: ['b', 'a'], text: '  Hi There  ', obj: { k: 'v' }, none: null, items: [{ s: 1 }, { s: 5 }] };
    expect(await render('{{ missing | default: "x" }}|{{ list | size }}|{{ list | join: "-" }}|{{ text | strip | downcase }}', context)).toBe('x|2|b-a|hi there');
    expect(await render('{{ text | replace: "Hi", "Yo" }}', context)).toBe('  Yo There  ');
    expect(await render('{{ obj | json }}', context)).toBe('{"k":"v"}');
    expect(await render('{{ obj | json: 2 }}', context)).toBe('{\n  "k": "v"\n}');
    expect(await render('{% assign l = list | push: "c" %}{{ l | join: "" }}', context)).toBe('bac');
    expect(await render('{{ items | where_exp: "i", "i.s > 2" | size }}|{{ items | has_exp: "i", "i.s == 5" }}', context)).toBe('1|true');
    expect(await render('{{ none | json }}', context)).toBe('null');
    expect(await render('{% if none != blank %}set{% else %}blank{% endif %}', context)).toBe('blank');
  });

  it('rejects unknown filters (strictFilters)', async () => {
    await expect(render('{{ x | no_such_filter }}')).rejects.toThrow('undefined filter: no_such_filter');
  });
});
