import { createHash } from 'node:crypto';
import type { StepExecution } from '../contract';

export type ScopeFrame = StepExecution['scopeStack'][number];

/** `stepId:scopeId/` for each frame, outermost first (§5.1). */
export function scopePathOf(frames: readonly ScopeFrame[]): string {
  let path = '';
  for (const frame of frames) path += `${frame.stepId}:${frame.scopeId}/`;
  return path;
}

/** The first 32 hex characters of sha256(executionId + "_" + scopePath + stepId): one record per step per scope path. */
export function stepExecutionId(executionId: string, frames: readonly ScopeFrame[], stepId: string): string {
  return createHash('sha256').update(`${executionId}_${scopePathOf(frames)}${stepId}`).digest('hex').slice(0, 32);
}
