import { applyStepInsertion, normaliseExample, planStepInsertion, stepSkeleton } from './step_insert';

const doc = ['version: "1"', 'name: x', 'steps:', '  - name: first', '    type: console', '    with:', '      message: hi', '  - name: second', '    type: console', ''];

describe('normaliseExample', () => {
  it('turns a mapping, a list item or a steps block into list items without common indentation', () => {
    expect(normaliseExample('name: a\ntype: console\nwith:\n  message: x')).toEqual(['- name: a', '  type: console', '  with:', '    message: x']);
    expect(normaliseExample('    - name: a\n      type: console\n')).toEqual(['- name: a', '  type: console']);
    expect(normaliseExample('steps:\n  - name: a\n    type: console')).toEqual(['- name: a', '  type: console']);
  });
});

describe('stepSkeleton', () => {
  it('names the step after its type and lists required with keys', () => {
    expect(stepSkeleton('security.renderAlertNarrative', ['alert_id'])).toBe('- name: security_renderalertnarrative\n  type: security.renderAlertNarrative\n  with:\n    alert_id: ""');
    expect(stepSkeleton('console', [])).toBe('- name: console\n  type: console');
  });
});

describe('planStepInsertion', () => {
  const snippet = 'name: added\ntype: console\nwith:\n  message: new';

  it('inserts after the step item the cursor is in, at its indentation', () => {
    const plan = planStepInsertion(doc, 6, snippet);
    expect(plan).toEqual({ lineNumber: 8, replaceLine: false, text: '  - name: added\n    type: console\n    with:\n      message: new' });
    const result = applyStepInsertion(doc.join('\n'), plan).split('\n');
    expect(result.slice(7, 12)).toEqual(['  - name: added', '    type: console', '    with:', '      message: new', '  - name: second']);
  });

  it('replaces a blank cursor line, using the indentation of the list above', () => {
    const plan = planStepInsertion(doc, 10, snippet);
    expect(plan.replaceLine).toBe(true);
    expect(plan.lineNumber).toBe(10);
    expect(plan.text.split('\n')[0]).toBe('  - name: added');
    const result = applyStepInsertion(doc.join('\n'), plan);
    expect(result.endsWith('  - name: added\n    type: console\n    with:\n      message: new')).toBe(true);
  });

  it('keeps the typed indentation of a blank line', () => {
    const lines = ['steps:', '  - name: a', '    type: if', '    steps:', '      '];
    expect(planStepInsertion(lines, 5, snippet).text.split('\n')[0]).toBe('      - name: added');
  });
});
