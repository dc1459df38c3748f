/** Catches the EsError a call must throw, so a test can assert its status, type and reason. */
import { EsError } from '../errors';

export function errorOf(fn: () => unknown): EsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EsError) return e;
    throw e;
  }
  throw new Error('expected an EsError');
}

/** The same for an async call: the EsError it must reject with. */
export async function asyncErrorOf(fn: () => unknown): Promise<EsError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof EsError) return e;
    throw e;
  }
  throw new Error('expected an EsError');
}
