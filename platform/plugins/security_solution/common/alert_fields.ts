/**
 * Alert sources mix flat dotted keys (`"kibana.alert.status"`) and nested objects (`host: { name }`), and a
 * writer may use either. These read and write a field regardless of the form it is stored in.
 */
type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every value stored for `path`, in flat, nested or mixed form (`kibana.alert` + `rule.name`). */
export function readField(source: Obj, path: string): unknown {
  if (path in source) return source[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const head = parts.slice(0, i).join('.');
    const child = source[head];
    if (isObj(child)) {
      const v = readField(child, parts.slice(i).join('.'));
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** Removes the field in every form it might be stored in. */
export function removeField(source: Obj, path: string): void {
  delete source[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const child = source[parts.slice(0, i).join('.')];
    if (isObj(child)) removeField(child, parts.slice(i).join('.'));
  }
}

/** Sets the field as a flat dotted key (how alerts-as-data writes `kibana.*`), dropping nested copies. */
export function writeFlatField(source: Obj, path: string, value: unknown): void {
  removeField(source, path);
  source[path] = value;
}

export function readString(source: Obj, path: string): string | undefined {
  const v = readField(source, path);
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return undefined;
}

export function readStringArray(source: Obj, path: string): string[] {
  const v = readField(source, path);
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/** Flattens a source into `path → value` rows (arrays of scalars stay one row), sorted by path. */
export function flattenSource(source: Obj): Array<{ field: string; value: unknown }> {
  const rows: Array<{ field: string; value: unknown }> = [];
  const walk = (v: unknown, prefix: string) => {
    if (isObj(v)) {
      for (const [k, child] of Object.entries(v)) walk(child, prefix ? `${prefix}.${k}` : k);
    } else if (Array.isArray(v) && v.some(isObj)) {
      rows.push({ field: prefix, value: v });
    } else {
      rows.push({ field: prefix, value: v });
    }
  };
  walk(source, '');
  return rows.sort((a, b) => a.field.localeCompare(b.field));
}
