import { parse } from 'yaml';
import { applyWorkflowFieldEdits, YamlFieldEditError } from '.';

const SOURCE = `# Triage helper
version: "1"
name: Old name # keep this comment
enabled: true
tags: [a, b]
triggers:
  - type: manual # manual only
steps:
  # the only step
  - name: hello
    type: console
    with:
      message: "{{ inputs.x }}"
`;

describe('applyWorkflowFieldEdits', () => {
  it('changes scalars in place and keeps every comment and the rest of the document', () => {
    const out = applyWorkflowFieldEdits(SOURCE, { name: 'New name', enabled: false });
    expect(out).toBe(SOURCE.replace('name: Old name', 'name: New name').replace('enabled: true', 'enabled: false'));
  });

  it('replaces tags keeping the flow style', () => {
    const out = applyWorkflowFieldEdits(SOURCE, { tags: ['triage', 'ai'] });
    expect(out).toContain('tags: [triage, ai]');
    expect(parse(out).tags).toEqual(['triage', 'ai']);
    expect(out).toContain('# the only step');
  });

  it('inserts missing keys after their predecessor, not at the end', () => {
    const out = applyWorkflowFieldEdits('name: x\ntriggers:\n  - type: manual\nsteps: []\n', { description: 'Says hi', tags: [] });
    expect(out).toBe('name: x\ndescription: Says hi\ntags: []\ntriggers:\n  - type: manual\nsteps: []\n');
  });

  it('quotes values that need it so they round-trip', () => {
    const out = applyWorkflowFieldEdits(SOURCE, { name: 'yes: {{ not a template }} #1', description: 'true' });
    const parsed = parse(out) as Record<string, unknown>;
    expect(parsed.name).toBe('yes: {{ not a template }} #1');
    expect(parsed.description).toBe('true');
  });

  it('returns the text unchanged without edits and fills an empty document', () => {
    expect(applyWorkflowFieldEdits(SOURCE, {})).toBe(SOURCE);
    expect(parse(applyWorkflowFieldEdits('', { name: 'N', enabled: false }))).toEqual({ name: 'N', enabled: false });
  });

  it('refuses YAML with syntax errors or a non-mapping root', () => {
    expect(() => applyWorkflowFieldEdits('name: [unclosed\n', { enabled: false })).toThrow(YamlFieldEditError);
    expect(() => applyWorkflowFieldEdits('- a\n- b\n', { name: 'x' })).toThrow('not a mapping');
  });
});
