import { consoleStepDefinition } from './console/console_step';
import { dataSetStepDefinition } from './data_set/data_set_step';
import { StepError } from './errors';
import { runStep } from './test_support/step_context';
import { waitStepDefinition } from './wait/wait_step';

describe('data.set', () => {
  it('outputs the rendered record as given', async () => {
    const result = await runStep(dataSetStepDefinition, { with: { a: 1, b: 'x', nested: { list: [1, 2] }, none: null } });
    expect(result.error).toBeUndefined();
    expect(result.output).toEqual({ a: 1, b: 'x', nested: { list: [1, 2] }, none: null });
  });

  it('rejects a non-object with', () => {
    expect(() => dataSetStepDefinition.inputSchema.parse(['a'])).toThrow();
  });
});

describe('console', () => {
  it('logs "Log from step <name>: <message>" at info and outputs the message', async () => {
    const result = await runStep(consoleStepDefinition, { stepId: 'log_it', with: { message: 'hello world' } });
    expect(result.output).toBe('hello world');
    expect(result.logs).toEqual([{ level: 'info', message: 'Log from step log_it: hello world' }]);
  });

  it('prints a typed (non-string) message as JSON', async () => {
    const result = await runStep(consoleStepDefinition, { stepId: 's', with: { message: { a: [1] } } });
    expect(result.output).toBe('{"a":[1]}');
  });
});

describe('wait', () => {
  it('waits for the duration', async () => {
    const started = Date.now();
    const result = await runStep(waitStepDefinition, { with: { duration: '50ms' } });
    expect(result.error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('fails with "Invalid duration format: <v>" for a bad duration', async () => {
    const result = await runStep(waitStepDefinition, { with: { duration: '5 minutes' } });
    expect(result.error).toBeInstanceOf(StepError);
    expect(result.error?.message).toBe('Invalid duration format: 5 minutes');
    expect(result.error?.name).toBe('InvalidDurationError');
  });

  it('fails for an empty duration', async () => {
    const result = await runStep(waitStepDefinition, { with: { duration: '' } });
    expect(result.error?.message).toBe('Invalid duration format: ');
  });

  it('ends at once with "Wait step was aborted" when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = runStep(waitStepDefinition, { with: { duration: '1h' }, abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const result = await pending;
    expect(result.error?.message).toBe('Wait step was aborted');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('fails immediately when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runStep(waitStepDefinition, { with: { duration: '10s' }, abortSignal: controller.signal });
    expect(result.error?.message).toBe('Wait step was aborted');
  });
});
