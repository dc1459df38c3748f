import { EMPTY_ROOT, parseRootMapping } from './parse_mapping';
import { checkTotalFields, mergeRoot, validateAliases } from './merge';
import { rootMappingJson } from './serialize';
import type { RootMapping } from './types';

/** Validates the mappings of a new index (mapper_parsing_exception / §11 errors). */
export function createMapping(input: unknown, totalFieldsLimit: number): RootMapping {
  const mapping = parseRootMapping(input, EMPTY_ROOT);
  validateAliases(mapping);
  checkTotalFields(EMPTY_ROOT, mapping, totalFieldsLimit);
  return mapping;
}

/** Additive put-mapping; `changed` is false when the mapping is unchanged (as GET _mapping would show). */
export function updateMapping(existing: RootMapping, input: unknown, totalFieldsLimit: number): { mapping: RootMapping; changed: boolean } {
  const incoming = parseRootMapping(input, existing);
  const merged = mergeRoot(existing, incoming);
  validateAliases(merged);
  checkTotalFields(existing, merged, totalFieldsLimit);
  const changed = JSON.stringify(rootMappingJson(merged)) !== JSON.stringify(rootMappingJson(existing));
  return { mapping: changed ? merged : existing, changed };
}
