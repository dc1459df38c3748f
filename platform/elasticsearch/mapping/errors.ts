import { EsError, illegalArgument } from '../errors';

/** A bad mapping definition: ES wraps the detail as `Failed to parse mapping: <detail>`. */
export function mapperParsing(detail: string): EsError {
  const inner = new EsError(400, 'mapper_parsing_exception', detail);
  return new EsError(400, 'mapper_parsing_exception', `Failed to parse mapping: ${detail}`, {}, inner);
}

/** A bad mapping whose underlying cause ES raises as another type (e.g. illegal_argument_exception). */
export function mapperParsingCausedBy(causeType: string, detail: string): EsError {
  const inner = new EsError(400, causeType, detail);
  return new EsError(400, 'mapper_parsing_exception', `Failed to parse mapping: ${detail}`, {}, inner);
}

/** A merge conflict (type change, non-updatable parameter): a plain illegal_argument_exception. */
export function mappingConflict(reason: string): EsError {
  return illegalArgument(reason);
}

export function totalFieldsExceeded(limit: number, adding: number): EsError {
  return illegalArgument(`Limit of total fields [${limit}] has been exceeded while adding new fields [${adding}]`);
}

/** A value in a document that the mapping rejects. `location` is `[line:col]`. */
export function documentParsing(location: string, reason: string, cause?: EsError): EsError {
  return new EsError(400, 'document_parsing_exception', `${location} ${reason}`, {}, cause);
}

export function strictDynamic(location: string, field: string, parent: string): EsError {
  return new EsError(
    400,
    'strict_dynamic_mapping_exception',
    `${location} mapping set to strict, dynamic introduction of [${field}] within [${parent}] is not allowed`,
  );
}
