import { evaluatePath, isRecord, splitPath } from './object_path';

/**
 * The YAML runner's stash: `set` stores response values under names; later steps refer to them as
 * `$name` (a whole value, also as a map key or a path part) or `${name}` (inside a string).
 */
export class Stash {
  private readonly values = new Map<string, unknown>();

  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  get(name: string): unknown {
    if (!this.values.has(name)) throw new Error(`stash does not contain [${name}]`);
    return this.values.get(name);
  }

  clear(): void {
    this.values.clear();
  }

  /** `$name` → the stashed value; `${name}` inside a longer string → its text; `\$` keeps a literal `$`. */
  substituteString(text: string): unknown {
    const whole = /^\$(\{([A-Za-z0-9_.]+)\}|([A-Za-z0-9_.]+))$/.exec(text);
    if (whole !== null) return this.lookup(whole[2] ?? whole[3]);
    if (!text.includes('$')) return text;
    return text.replace(/\\?\$\{([A-Za-z0-9_.]+)\}/g, (match: string, name: string) => {
      if (match.startsWith('\\')) return match.slice(1);
      const value = this.lookup(name);
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  }

  /** Nested names like `$body.hits.total` read a path inside a stashed value. */
  private lookup(name: string): unknown {
    if (this.values.has(name)) return this.values.get(name);
    const [head, ...rest] = splitPath(name);
    if (rest.length > 0 && this.values.has(head)) return evaluatePath(this.values.get(head), rest.join('.'));
    throw new Error(`stash does not contain [${name}]`);
  }

  /** Substitutes recursively in values and in map keys. */
  substitute(value: unknown): unknown {
    if (typeof value === 'string') return this.substituteString(value);
    if (Array.isArray(value)) return value.map((v) => this.substitute(v));
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        const newKey = key.startsWith('$') || key.includes('${') ? String(this.substituteString(key)) : key;
        out[newKey] = this.substitute(v);
      }
      return out;
    }
    return value;
  }

  /** Substitutes `$name` path parts (stash_in_path): `nodes.$node_id.name`. */
  substitutePath(path: string): string {
    if (!path.includes('$') || path === '$body') return path;
    return splitPath(path)
      .map((part) => {
        if (!part.startsWith('$') && !part.includes('${')) return part.replace(/\./g, '\\.');
        const value = this.substituteString(part);
        return String(value).replace(/\./g, '\\.');
      })
      .join('.');
  }
}
