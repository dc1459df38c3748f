import { z } from 'zod/v4';
import { createServerStepDefinition, StepCategory } from '../../../../workflows_extensions/common';
import { InvalidDurationError, WaitAbortedError } from '../errors';
import { parseDuration } from './duration';

export const WAIT_STEP_ID = 'wait';

/** Resolves after `ms`, rejects with WaitAbortedError as soon as `signal` aborts (and clears the timer). */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new WaitAbortedError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new WaitAbortedError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const waitInput = z.object({
  duration: z.string().describe('How long to wait, e.g. `30s`, `5m`, `1h30m` (w, d, h, m, s, ms in this order).'),
});

export const waitStepDefinition = createServerStepDefinition({
  id: WAIT_STEP_ID,
  label: 'Wait',
  description: 'Pauses the workflow for a duration.',
  category: StepCategory.FlowControl,
  stability: 'ga',
  documentation: {
    details: 'Waits for `duration` (`^(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?$`). Cancelling the run ends the wait at once.',
    examples: ['- name: pause\n  type: wait\n  with:\n    duration: 30s\n'],
  },
  inputSchema: waitInput,
  outputSchema: z.undefined(),
  async handler({ input, abortSignal }) {
    const ms = parseDuration(input.duration);
    if (ms === undefined) throw new InvalidDurationError(input.duration);
    await abortableDelay(ms, abortSignal);
    return { output: undefined };
  },
});
