/** Index name rules of Elasticsearch's MetadataCreateIndexService.validateIndexOrAliasName. */
import { EsError } from '../errors';

/** Printed in the order Elasticsearch prints its INVALID_FILENAME_CHARS set. */
const FILENAME_CHARS = [' ', '"', '*', '\\', '<', '|', ',', '>', '/', '?'];

function invalid(name: string, why: string): EsError {
  return new EsError(400, 'invalid_index_name_exception', `Invalid index name [${name}], ${why}`, {
    'index_uuid': '_na_',
    index: name,
  });
}

export function validateIndexName(name: string): void {
  if ([...FILENAME_CHARS].some((c) => name.includes(c))) {
    throw invalid(name, `must not contain the following characters [${[...FILENAME_CHARS].join(', ')}]`);
  }
  if (name.includes('#')) throw invalid(name, "must not contain '#'");
  if (name.includes(':')) throw invalid(name, "must not contain ':'");
  if (name.startsWith('_') || name.startsWith('-') || name.startsWith('+')) {
    throw invalid(name, "must not start with '_', '-', or '+'");
  }
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > 255) throw invalid(name, `index name is too long, (${bytes} > 255)`);
  if (name === '.' || name === '..') throw invalid(name, "must not be '.' or '..'");
  if (name.length === 0) throw invalid(name, 'must not be empty');
  if (name.toLowerCase() !== name) throw invalid(name, 'must be lowercase');
}

/** Alias names follow the same character rules, reported as invalid_alias_name_exception. */
export function validateAliasName(alias: string): void {
  try {
    validateIndexName(alias);
  } catch (e) {
    if (e instanceof EsError) {
      throw new EsError(400, 'invalid_alias_name_exception', e.reason.replace('Invalid index name', 'Invalid alias name'));
    }
    throw e;
  }
}
