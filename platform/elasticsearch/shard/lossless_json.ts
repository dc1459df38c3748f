/**
 * JSON parsing that keeps every number's original text, so rewriting a document on update does not
 * round integers above 2^53 or change `1.0` into `1` in fields the update did not touch.
 */
export class LosslessNumber {
  constructor(readonly text: string) {}

  get value(): number {
    return Number(this.text);
  }
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(): never {
    throw new SyntaxError(`Unexpected token in JSON at position ${this.pos}`);
  }

  ws(): void {
    const t = this.text;
    let c = t.charCodeAt(this.pos);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++this.pos);
  }

  value(): unknown {
    this.ws();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === 't') return this.literal('true', true);
    if (c === 'f') return this.literal('false', false);
    if (c === 'n') return this.literal('null', null);
    return this.number();
  }

  literal<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail();
    this.pos += word.length;
    return value;
  }

  number(): LosslessNumber {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.text);
    if (r === null || r[0] === '' || r[0] === '-') this.fail();
    this.pos += r[0].length;
    return new LosslessNumber(r[0]);
  }

  string(): string {
    const t = this.text;
    const start = this.pos;
    let i = start + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c)) this.fail();
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        i += 2;
        continue;
      }
      i++;
    }
    this.pos = i + 1;
    return escaped ? (JSON.parse(t.slice(start, i + 1)) as string) : t.slice(start + 1, i);
  }

  array(): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    this.ws();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.text[this.pos++];
      if (c === ']') return out;
      if (c !== ',') this.fail();
    }
  }

  object(): Record<string, unknown> {
    this.pos++;
    const out: Record<string, unknown> = {};
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') this.fail();
      const key = this.string();
      this.ws();
      if (this.text[this.pos++] !== ':') this.fail();
      const v = this.value();
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      this.ws();
      const c = this.text[this.pos++];
      if (c === '}') return out;
      if (c !== ',') this.fail();
    }
  }
}

export function parseLossless(text: string): unknown {
  const p = new Parser(text);
  const v = p.value();
  p.ws();
  if (p.pos !== text.length) p.fail();
  return v;
}

/** JSON text of a value that may contain LosslessNumbers (written back verbatim). */
export function stringifyLossless(value: unknown): string {
  if (value instanceof LosslessNumber) return value.text;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const v: unknown = value[i];
      out += v === undefined || typeof v === 'function' ? 'null' : stringifyLossless(v);
    }
    return `${out}]`;
  }
  if (typeof value === 'object' && value !== null) {
    let out = '{';
    let first = true;
    for (const k in value) {
      const v: unknown = (value as Record<string, unknown>)[k];
      if (v === undefined || typeof v === 'function') continue;
      if (!first) out += ',';
      first = false;
      out += `${JSON.stringify(k)}:${stringifyLossless(v)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
