/** JSON-Schema rewriting for template tolerance (workflow-engine §6.1): a `{{` string satisfies any non-string leaf. */

type Json = Record<string, unknown>;

export const TEMPLATE_STRING_SCHEMA: Json = { type: 'string', pattern: '\\{\\{' };

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A schema every string already satisfies needs no alternative. */
function acceptsAnyString(schema: Json): boolean {
  const keys = Object.keys(schema).filter((key) => !['title', 'description', 'default', 'examples', '$comment', 'minLength', 'maxLength'].includes(key));
  if (keys.length === 0) return true;
  return keys.length === 1 && schema.type === 'string' && schema.minLength === undefined;
}

const mapSchemas = (value: unknown): unknown => (Array.isArray(value) ? value.map(tolerateTemplates) : tolerateTemplates(value));

/** Returns a copy where every schema node that a plain `{{` string would fail becomes `anyOf: [node, template]`. */
export function tolerateTemplates(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const copy: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    switch (key) {
      case 'properties':
      case 'patternProperties':
      case 'definitions':
      case '$defs':
        copy[key] = isObject(value) ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, tolerateTemplates(sub)])) : value;
        break;
      case 'items':
      case 'prefixItems':
      case 'additionalItems':
      case 'anyOf':
      case 'oneOf':
      case 'allOf':
        copy[key] = mapSchemas(value);
        break;
      case 'additionalProperties':
        copy[key] = isObject(value) ? tolerateTemplates(value) : value;
        break;
      default:
        copy[key] = value;
    }
  }
  // A `$ref` target is rewritten where it is defined; unions already tolerate through their branches.
  if (copy.$ref !== undefined || copy.anyOf !== undefined || copy.oneOf !== undefined || acceptsAnyString(copy)) return copy;
  return { anyOf: [copy, TEMPLATE_STRING_SCHEMA] };
}
