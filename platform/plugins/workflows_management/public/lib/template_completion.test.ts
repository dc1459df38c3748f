import { openTemplateExpression, precedingStepNames, templateCompletions } from './template_completion';
import { outlineWorkflowYaml } from './yaml_outline';

const yaml = `version: "1"
name: t
triggers:
  - type: manual
    inputs:
      - name: message
        type: string
      - name: count
        type: number
consts:
  index: logs-*
steps:
  - name: prepare
    type: data.set
    with:
      a: 1
  - name: loop
    type: foreach
    foreach: "{{ event.alerts | json }}"
    steps:
      - name: inner
        type: console
        with:
          message: "{{ "
  - name: later
    type: console
`;
const outline = outlineWorkflowYaml(yaml);
const lines = yaml.split('\n');

describe('yaml outline', () => {
  it('reads triggers, manual inputs, consts and step names from the buffer', () => {
    expect(outline.name).toBe('t');
    expect(outline.triggerTypes).toEqual(['manual']);
    expect(Array.isArray(outline.inputs) && outline.inputs.map((i) => i.name)).toEqual(['message', 'count']);
    expect(outline.consts).toEqual(['index']);
    expect(outline.stepNames).toEqual(['prepare', 'loop', 'inner', 'later']);
    expect(outlineWorkflowYaml('a: [unclosed').stepNames).toEqual([]);
  });
});

describe('templateCompletions', () => {
  const preceding = precedingStepNames(lines, 24, outline.stepNames);

  it('knows only the steps declared above the cursor', () => {
    expect(preceding).toEqual(['prepare', 'loop', 'inner']);
  });

  it('offers nothing outside an open {{', () => {
    expect(openTemplateExpression('message: "{{ a }} b')).toBeUndefined();
    expect(templateCompletions('message: plain', outline, preceding)).toBeUndefined();
  });

  it('offers roots, then inputs, consts, steps and their parts', () => {
    expect(templateCompletions('message: "{{ ', outline, preceding)?.items.map((i) => i.label)).toContain('steps');
    expect(templateCompletions('message: "{{ in', outline, preceding)).toEqual({ items: [{ label: 'inputs', detail: 'Run inputs after defaults', kind: 'module' }], replaceLength: 2 });
    expect(templateCompletions('message: "{{ inputs.', outline, preceding)?.items.map((i) => i.label)).toEqual(['message', 'count']);
    expect(templateCompletions('x: "${{ consts.', outline, preceding)?.items.map((i) => i.label)).toEqual(['index']);
    expect(templateCompletions('x: "{{ steps.pr', outline, preceding)?.items.map((i) => i.label)).toEqual(['prepare']);
    expect(templateCompletions('x: "{{ steps.prepare.', outline, preceding)?.items.map((i) => i.label)).toEqual(['output', 'input', 'error']);
    expect(templateCompletions('x: "{{ foreach.', outline, preceding)?.items.map((i) => i.label)).toEqual(['item', 'index', 'items', 'total']);
    expect(templateCompletions('x: "{{ event.alerts[0].host.', outline, preceding)?.items.map((i) => i.label)).toEqual(['name', 'ip', 'os']);
    expect(templateCompletions('x: "{{ inputs.message | default: steps.', outline, preceding)?.items.map((i) => i.label)).toEqual(['prepare', 'loop', 'inner']);
  });
});
