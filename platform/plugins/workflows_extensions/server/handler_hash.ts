import { createHash } from 'node:crypto';

/** Hex SHA-256 of `handler.toString()` (workflow-engine §0.1): changes whenever the handler's source changes. */
export function computeHandlerHash(handler: (...args: never[]) => unknown): string {
  return createHash('sha256').update(handler.toString()).digest('hex');
}
