/** Shared by the recurring false-positive scenarios: earlier days mostly closed as false positives, today open. */
import type { Prng } from '../prng';
import type { AlertSpec } from '../types';
import { DAY, HOUR } from './context';

export const ANALYSTS = ['soc-analyst', 'jdoe-soc', 'mgarcia-soc'];

export function recurringWorkflow(prng: Prng, now: number, timestamp: number): AlertSpec['workflow'] {
  // The last 24 h are still open: those are the alerts to triage.
  if (now - timestamp < DAY) return { status: 'open' };
  const roll = prng.next();
  const updatedAt = timestamp + prng.int(1, 12) * HOUR;
  const user = prng.pick(ANALYSTS);
  if (roll < 0.7) return { status: 'closed', reason: 'false_positive', updatedAt, user };
  if (roll < 0.8) return { status: 'closed', reason: 'other', tags: [prng.pick(['fp', 'False Positive', 'false-positive'])], updatedAt, user };
  if (roll < 0.9) return { status: 'closed', reason: 'benign_positive', updatedAt, user };
  return { status: 'acknowledged', updatedAt, user };
}
