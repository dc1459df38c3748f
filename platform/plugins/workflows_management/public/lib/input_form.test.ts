import { buildInputFields, formValuesToInputs, initialFormValues, inputsToFormValues } from './input_form';

describe('buildInputFields', () => {
  it('maps the array form: text, number, switch, select and combo with defaults', () => {
    const fields = buildInputFields([
      { name: 'message', type: 'string', default: 'hi', required: true, description: 'What to say' },
      { name: 'count', type: 'number', default: 3 },
      { name: 'dryRun', type: 'boolean', default: true },
      { name: 'level', type: 'choice', options: ['low', 'high'], default: 'high' },
      { name: 'hosts', type: 'array', default: ['a', 'b'] },
    ]);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['message', 'text', true],
      ['count', 'number', false],
      ['dryRun', 'switch', false],
      ['level', 'select', false],
      ['hosts', 'combo', false],
    ]);
    expect(fields[0].description).toBe('What to say');
    expect(fields[3].options).toEqual(['low', 'high']);
    expect(initialFormValues(fields)).toEqual({ message: 'hi', count: '3', dryRun: true, level: 'high', hosts: ['a', 'b'] });
  });

  it('maps the JSON-Schema form, with required from the schema and enums as selects', () => {
    const fields = buildInputFields({
      properties: {
        severity: { type: 'string', enum: ['low', 'high'] },
        limit: { type: 'integer', default: 10 },
        notify: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string', enum: ['x', 'y'] } },
        note: { type: ['string', 'null'], description: 'Free text' },
      },
      required: ['severity'],
    });
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['severity', 'select', true],
      ['limit', 'number', false],
      ['notify', 'switch', false],
      ['tags', 'combo', false],
      ['note', 'text', false],
    ]);
    expect(fields[3].options).toEqual(['x', 'y']);
    expect(fields[4].description).toBe('Free text');
  });

  it('has no fields without inputs', () => {
    expect(buildInputFields(undefined)).toEqual([]);
    expect(buildInputFields(null)).toEqual([]);
  });
});

describe('formValuesToInputs', () => {
  const fields = buildInputFields([
    { name: 'message', type: 'string', required: true },
    { name: 'count', type: 'number' },
    { name: 'dryRun', type: 'boolean' },
    { name: 'hosts', type: 'array', required: true },
  ]);

  it('parses numbers, keeps booleans and lists, and leaves empty optional fields out', () => {
    expect(formValuesToInputs(fields, { message: ' hi ', count: '4.5', dryRun: false, hosts: ['a'] })).toEqual({
      inputs: { message: 'hi', count: 4.5, dryRun: false, hosts: ['a'] },
      errors: {},
    });
    expect(formValuesToInputs(fields, { message: 'x', count: '', dryRun: true, hosts: ['a'] }).inputs).toEqual({ message: 'x', dryRun: true, hosts: ['a'] });
  });

  it('reports required fields and bad numbers', () => {
    expect(formValuesToInputs(fields, { message: '', count: 'abc', dryRun: false, hosts: [] }).errors).toEqual({
      message: 'message is required',
      count: 'count must be a number',
      hosts: 'hosts is required',
    });
  });

  it('round-trips through the JSON view', () => {
    const values = inputsToFormValues(fields, { message: 'from json', count: 7, hosts: ['h1'] });
    expect(values).toEqual({ message: 'from json', count: '7', dryRun: false, hosts: ['h1'] });
    expect(formValuesToInputs(fields, values).inputs).toEqual({ message: 'from json', count: 7, dryRun: false, hosts: ['h1'] });
  });
});
