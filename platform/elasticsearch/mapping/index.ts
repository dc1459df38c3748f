/**
 * Index mappings: parsing and validation of explicit mappings, additive merges, dynamic mapping and
 * document parsing into per-leaf values (spec §3).
 */
import { EMPTY_ROOT, parseRootMapping } from './parse_mapping';
import { checkTotalFields, mergeRoot, validateAliases } from './merge';
import { rootMappingJson } from './serialize';
import type { RootMapping } from './types';

export type { AliasMapper, DynamicSetting, DynamicTemplate, LeafMapper, Mapper, ObjectMapper, RootMapping } from './types';
export { EMPTY_ROOT, parseRootMapping } from './parse_mapping';
export { mergeRoot, countFields } from './merge';
export { rootMappingJson } from './serialize';
export { parseDocument, METADATA_FIELDS, type ParsedDocument, type ParseOptions, type IndexedValue } from './document_parser';
export { buildCatalog, type FieldCatalog } from './leaf_fields';
export { isNumericType, isTermsType, isTextType, UNSUPPORTED_TYPES } from './field_types';
export { roundHalfFloat } from './values';

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
