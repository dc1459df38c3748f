export { KqlSyntaxError, type KqlNode, type KqlValue } from './ast';
export { parseKql } from './parse_kql';
export { matchesKql } from './evaluate_kql';
export { kqlToEsQuery, type EsQuery, type KqlTranslationOptions } from './to_es_query';

import { parseKql } from './parse_kql';
import { kqlToEsQuery, type EsQuery, type KqlTranslationOptions } from './to_es_query';

/** `filter` text → ES query; throws KqlSyntaxError (a 400) on bad syntax or unknown fields. */
export const kqlFilterToQuery = (filter: string, options?: KqlTranslationOptions): EsQuery => kqlToEsQuery(parseKql(filter), options);
