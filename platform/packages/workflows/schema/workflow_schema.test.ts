import { workflowSchema } from './workflow_schema';

const base = { name: 'w', triggers: [{ type: 'manual' }], steps: [{ name: 's', type: 'console', with: { message: 'm' } }] };

describe('workflowSchema', () => {
  it('applies defaults and normalises version', () => {
    expect(workflowSchema.parse(base)).toMatchObject({ version: '1', enabled: true });
    expect(workflowSchema.parse({ ...base, version: 1, enabled: false })).toMatchObject({ version: '1', enabled: false });
    expect(workflowSchema.safeParse({ ...base, version: '2' }).success).toBe(false);
  });

  it('keeps config keys and unknown step keys on steps', () => {
    const parsed = workflowSchema.parse({ ...base, steps: [{ name: 'a', type: 'ai.agent', 'agent-id': 'x', with: { message: 'm' } }] });
    expect(parsed.steps[0]).toEqual({ name: 'a', type: 'ai.agent', 'agent-id': 'x', with: { message: 'm' } });
  });

  it('parses nested flow control, on-failure and max-iterations', () => {
    const parsed = workflowSchema.parse({
      ...base,
      steps: [
        {
          name: 'loop',
          type: 'foreach',
          foreach: ['a', 'b'],
          'max-iterations': { limit: 5 },
          steps: [{ name: 'c', type: 'if', condition: true, steps: [{ name: 'x', type: 'console' }], else: [{ name: 'y', type: 'console' }] }],
          'on-failure': { retry: { 'max-attempts': 2, delay: '1s' }, fallback: [{ name: 'fb', type: 'console' }], continue: 'error.type: X' },
        },
      ],
    });
    expect(parsed.steps[0]).toMatchObject({ 'max-iterations': { limit: 5, 'on-limit': 'continue' }, 'on-failure': { continue: 'error.type: X' } });
  });

  it('rejects bad step fields with paths', () => {
    const result = workflowSchema.safeParse({ ...base, steps: [{ name: 's', type: 'x', if: 5, 'max-iterations': 0, 'on-failure': { retry: { 'max-attempts': -1 } } }] });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['steps.0.if', 'steps.0.max-iterations', 'steps.0.on-failure.retry.max-attempts']));
  });

  it('normalises concurrency maxQueueSize to queue-size', () => {
    const parsed = workflowSchema.parse({ ...base, settings: { concurrency: { maxQueueSize: 5, strategy: 'drop' } } });
    expect(parsed.settings?.concurrency).toEqual({ 'queue-size': 5, strategy: 'drop' });
    const both = workflowSchema.parse({ ...base, settings: { concurrency: { maxQueueSize: 5, 'queue-size': 9 } } });
    expect(both.settings?.concurrency).toEqual({ 'queue-size': 9 });
  });

  it('checks settings limits and time zones', () => {
    expect(workflowSchema.safeParse({ ...base, settings: { liquid: { renderLimit: 5000 } } }).success).toBe(false);
    expect(workflowSchema.safeParse({ ...base, settings: { timezone: 'Mars/Olympus' } }).success).toBe(false);
    expect(workflowSchema.safeParse({ ...base, settings: { timezone: 'Europe/Paris', liquid: { renderLimit: 2000 } } }).success).toBe(true);
  });

  it('parses triggers and takes the manual trigger inputs', () => {
    const parsed = workflowSchema.parse({
      ...base,
      inputs: [{ name: 'top', type: 'string' }],
      triggers: [{ type: 'scheduled', with: { every: '5m' } }, { type: 'manual', inputs: [{ name: 'mine', type: 'number' }] }, { type: 'alert', with: { rule_id: 'r' } }],
    });
    expect(parsed.inputs).toEqual([{ name: 'mine', type: 'number' }]);
    expect(parsed.triggers[0]).toEqual({ type: 'scheduled', with: { every: '5m' } });
    expect(workflowSchema.parse({ ...base, inputs: [{ name: 'top', type: 'string' }] }).inputs).toEqual([{ name: 'top', type: 'string' }]);
    expect(workflowSchema.safeParse({ ...base, triggers: [{ type: 'scheduled', with: { cron: '* * * * *' } }] }).error?.issues[0].message).toBe(
      'Scheduled triggers with "cron" are not supported by this host.',
    );
    expect(workflowSchema.safeParse({ ...base, triggers: [] }).success).toBe(false);
  });

  it('accepts JSON consts only', () => {
    expect(workflowSchema.parse({ ...base, consts: { a: 'x', b: true, c: 1, d: [null, { e: 1 }] } }).consts).toEqual({ a: 'x', b: true, c: 1, d: [null, { e: 1 }] });
  });
});
