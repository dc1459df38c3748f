/**
 * A minimal draft-7 checker for tests: the keywords the workflow schema uses ($ref, type, const, enum, properties,
 * required, additionalProperties, items, min/max, pattern, oneOf, anyOf, allOf, not). Returns error strings.
 */
type Schema = Record<string, unknown>;

const typeOf = (value: unknown): string[] => {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
};

const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function checkJsonSchema(root: Schema, value: unknown): string[] {
  const resolve = (ref: string): Schema => {
    if (!ref.startsWith('#/')) throw new Error(`Unsupported $ref ${ref}`);
    let node: unknown = root;
    for (const part of ref.slice(2).split('/')) node = (node as Schema)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`Unresolved $ref ${ref}`);
    return node as Schema;
  };

  const check = (schema: unknown, v: unknown, at: string): string[] => {
    if (schema === true || schema === undefined) return [];
    if (schema === false) return [`${at}: not allowed`];
    const s = schema as Schema;
    const errors: string[] = [];
    if (typeof s.$ref === 'string') errors.push(...check(resolve(s.$ref), v, at));
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!typeOf(v).some((t) => types.includes(t))) return [...errors, `${at}: expected ${types.join('|')}`];
    }
    if ('const' in s && !deepEqual(s.const, v)) errors.push(`${at}: expected const ${JSON.stringify(s.const)}`);
    if (Array.isArray(s.enum) && !s.enum.some((e) => deepEqual(e, v))) errors.push(`${at}: not in enum`);
    if (typeof v === 'string') {
      if (typeof s.minLength === 'number' && v.length < s.minLength) errors.push(`${at}: too short`);
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) errors.push(`${at}: pattern ${s.pattern}`);
    }
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) errors.push(`${at}: below minimum`);
      if (typeof s.maximum === 'number' && v > s.maximum) errors.push(`${at}: above maximum`);
      if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) errors.push(`${at}: not above exclusiveMinimum`);
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) errors.push(`${at}: too few items`);
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) errors.push(`${at}: too many items`);
      if (s.items !== undefined && !Array.isArray(s.items)) v.forEach((item, i) => errors.push(...check(s.items, item, `${at}[${i}]`)));
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const obj = v as Record<string, unknown>;
      const properties = (s.properties ?? {}) as Schema;
      for (const key of (s.required ?? []) as string[]) if (!(key in obj)) errors.push(`${at}: missing ${key}`);
      for (const [key, sub] of Object.entries(obj)) {
        if (key in properties) errors.push(...check(properties[key], sub, `${at}.${key}`));
        else if (s.additionalProperties === false) errors.push(`${at}: unexpected ${key}`);
        else if (s.additionalProperties !== undefined && s.additionalProperties !== true) errors.push(...check(s.additionalProperties, sub, `${at}.${key}`));
      }
    }
    if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => check(sub, v, at).length === 0)) errors.push(`${at}: no anyOf branch matches`);
    if (Array.isArray(s.allOf)) s.allOf.forEach((sub) => errors.push(...check(sub, v, at)));
    if (Array.isArray(s.oneOf)) {
      const matching = s.oneOf.filter((sub) => check(sub, v, at).length === 0).length;
      if (matching !== 1) errors.push(`${at}: ${matching} oneOf branches match`);
    }
    if (s.not !== undefined && check(s.not, v, at).length === 0) errors.push(`${at}: matches "not"`);
    return errors;
  };

  return check(root, value, '$');
}
