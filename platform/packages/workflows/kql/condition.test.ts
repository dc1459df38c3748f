import { ConditionEvaluationError, evaluateCondition } from './condition';

describe('evaluateCondition', () => {
  const context = { steps: { check: { output: { score: 0.9, verdict: 'false_positive' } } }, inputs: { flag: true } };

  it('uses booleans as they are', () => {
    expect(evaluateCondition(true, 's')).toBe(true);
    expect(evaluateCondition(false, 's')).toBe(false);
  });

  it.each([undefined, null, ''])('treats %j as false', (value) => {
    expect(evaluateCondition(value, 's')).toBe(false);
  });

  it('evaluates strings as KQL against the context', () => {
    expect(evaluateCondition('steps.check.output.score >= 0.85', 's', context)).toBe(true);
    expect(evaluateCondition('steps.check.output.verdict: "false_positive" and inputs.flag: true', 's', context)).toBe(true);
    expect(evaluateCondition('not steps.check.output.missing:*', 's', context)).toBe(true);
    expect(evaluateCondition('true', 's', context)).toBe(false);
  });

  it('rejects other types with the spec message', () => {
    expect(() => evaluateCondition(1, 'my_step')).toThrow(new ConditionEvaluationError('Invalid condition type for step my_step: expected boolean or string'));
    expect(() => evaluateCondition({}, 'my_step')).toThrow('Invalid condition type for step my_step: expected boolean or string');
  });

  it('reports syntax errors with the condition and step name', () => {
    expect(() => evaluateCondition('a:(b)', 'check_it')).toThrow(/^Syntax error in condition "a:\(b\)" for step check_it: Grouped values/);
    try {
      evaluateCondition('a:', 'x');
    } catch (error) {
      expect(error).toBeInstanceOf(ConditionEvaluationError);
      expect((error as ConditionEvaluationError).type).toBe('ConditionEvaluationError');
    }
  });
});
