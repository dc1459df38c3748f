/**
 * Index mappings: parsing and validation of explicit mappings, additive merges, dynamic mapping and
 * document parsing into per-leaf values (spec §3).
 */
export type { AliasMapper, DynamicSetting, DynamicTemplate, LeafMapper, Mapper, ObjectMapper, RootMapping } from './types';
export { createMapping, updateMapping } from './mapping_updates';
export { EMPTY_ROOT, parseRootMapping } from './parse_mapping';
export { mergeRoot, countFields } from './merge';
export { rootMappingJson } from './serialize';
export { parseDocument, METADATA_FIELDS, type ParsedDocument, type ParseOptions, type IndexedValue } from './document_parser';
export { buildCatalog, type FieldCatalog } from './leaf_fields';
export { isNumericType, isTermsType, isTextType, UNSUPPORTED_TYPES } from './field_types';
export { roundHalfFloat } from './values';
