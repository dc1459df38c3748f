import { KqlSyntaxError, WILDCARD, type FieldSegment, type KqlNode, type KqlValue, type RangeOperator, type ValuePart } from './ast';

/*
 * Hand-written recursive-descent parser for the KQL subset of workflow-engine §4:
 *   or := and (OR and)* ; and := not (AND not)* ; not := NOT not | primary
 *   primary := "(" or ")" | field ":" value | field (>=|<=|>|<) value | value
 */

const NAME_CHAR = /[A-Za-z0-9_@$\-]/;
const WHITESPACE = /\s/;

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parse(): KqlNode {
    this.skipWs();
    if (this.pos >= this.src.length) throw new KqlSyntaxError('Expected a query but found the end of input', this.pos);
    const node = this.parseOr();
    this.skipWs();
    if (this.pos < this.src.length) {
      const found = this.src[this.pos] === ')' ? 'an unmatched ")"' : `"${this.src.slice(this.pos, this.pos + 20)}"`;
      throw new KqlSyntaxError(`Expected "and", "or" or the end of input but found ${found} at position ${this.pos}`, this.pos);
    }
    return node;
  }

  private parseOr(): KqlNode {
    const children = [this.parseAnd()];
    while (this.acceptKeyword('or')) children.push(this.parseAnd());
    return children.length === 1 ? children[0] : { type: 'or', children };
  }

  private parseAnd(): KqlNode {
    const children = [this.parseNot()];
    while (this.acceptKeyword('and')) children.push(this.parseNot());
    return children.length === 1 ? children[0] : { type: 'and', children };
  }

  private parseNot(): KqlNode {
    if (this.acceptKeyword('not')) return { type: 'not', child: this.parseNot() };
    return this.parsePrimary();
  }

  private parsePrimary(): KqlNode {
    this.skipWs();
    if (this.pos >= this.src.length) throw new KqlSyntaxError('Expected a term but found the end of input', this.pos);
    const ch = this.src[this.pos];
    if (ch === '(') {
      this.pos++;
      const inner = this.parseOr();
      this.skipWs();
      if (this.src[this.pos] !== ')') throw new KqlSyntaxError(`Expected ")" at position ${this.pos}`, this.pos);
      this.pos++;
      return inner;
    }
    if (ch === ')') throw new KqlSyntaxError(`Unexpected ")" at position ${this.pos}`, this.pos);
    const start = this.pos;
    const field = this.tryParseField();
    if (field) {
      this.skipWs();
      const op = this.readOperator();
      if (op) {
        const value = this.parseValue();
        if (op === ':') return { type: 'match', field: field.segments, fieldText: field.text, value };
        return { type: 'range', field: field.segments, fieldText: field.text, operator: op, value };
      }
      this.pos = start;
    }
    return { type: 'freeText', value: this.parseValue() };
  }

  private readOperator(): ':' | RangeOperator | undefined {
    for (const op of ['>=', '<=', '>', '<', ':'] as const) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return undefined;
  }

  /** field := name ("." name | "[" n "]" | "." n)*; returns undefined (position unchanged) when none is here. */
  private tryParseField(): { segments: FieldSegment[]; text: string } | undefined {
    const start = this.pos;
    const segments: FieldSegment[] = [];
    const first = this.readName();
    if (!first) return undefined;
    segments.push(toSegment(first));
    for (;;) {
      if (this.src[this.pos] === '.') {
        const save = this.pos;
        this.pos++;
        const name = this.readName();
        if (!name) {
          this.pos = save;
          break;
        }
        segments.push(toSegment(name));
      } else if (this.src[this.pos] === '[') {
        const match = /^\[(\d+)\]/.exec(this.src.slice(this.pos));
        if (!match) break;
        segments.push(Number(match[1]));
        this.pos += match[0].length;
      } else break;
    }
    return { segments, text: this.src.slice(start, this.pos) };
  }

  private readName(): string {
    const start = this.pos;
    while (this.pos < this.src.length && NAME_CHAR.test(this.src[this.pos])) this.pos++;
    return this.src.slice(start, this.pos);
  }

  private parseValue(): KqlValue {
    this.skipWs();
    const start = this.pos;
    if (this.pos >= this.src.length || this.src[this.pos] === ')' || this.atKeyword()) {
      throw new KqlSyntaxError(`Expected a value at position ${start}`, start);
    }
    const ch = this.src[this.pos];
    if (ch === '(') throw new KqlSyntaxError(`Grouped values such as "f:(a or b)" are not supported (position ${start})`, start);
    if (ch === '{') throw new KqlSyntaxError(`Nested queries such as "f:{…}" are not supported (position ${start})`, start);
    if (ch === '"') return this.parseQuoted();
    return this.parseUnquoted();
  }

  private parseQuoted(): KqlValue {
    const start = this.pos;
    this.pos++;
    let text = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\' && this.pos + 1 < this.src.length) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (ch === '"') {
        this.pos++;
        return { kind: 'literal', text, quoted: true };
      } else {
        text += ch;
        this.pos++;
      }
    }
    throw new KqlSyntaxError(`Unterminated quoted value starting at position ${start}`, start);
  }

  /** Runs to ")" / the end / whitespace followed by a keyword; trimmed; `\x` escapes x; unescaped `*` is a wildcard. */
  private parseUnquoted(): KqlValue {
    const parts: ValuePart[] = [];
    let literal = '';
    let raw = '';
    let hasWildcard = false;
    // Trailing whitespace is trimmed, but escaped whitespace is kept: track where the kept text ends.
    let pendingWs = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === ')') break;
      if (WHITESPACE.test(ch)) {
        if (this.wsThenKeyword()) break;
        pendingWs += ch;
        this.pos++;
        continue;
      }
      if (pendingWs) {
        literal += pendingWs;
        raw += pendingWs;
        pendingWs = '';
      }
      if (ch === '\\' && this.pos + 1 < this.src.length) {
        literal += this.src[this.pos + 1];
        raw += this.src.slice(this.pos, this.pos + 2);
        this.pos += 2;
      } else if (ch === '*') {
        if (literal) parts.push(literal);
        literal = '';
        parts.push(WILDCARD);
        hasWildcard = true;
        raw += ch;
        this.pos++;
      } else {
        literal += ch;
        raw += ch;
        this.pos++;
      }
    }
    if (literal) parts.push(literal);
    if (!hasWildcard) return { kind: 'literal', text: literal, quoted: false };
    return { kind: 'wildcard', parts, text: raw };
  }

  /** At whitespace: does whitespace followed by a binary keyword (`and` / `or`) start here? */
  private wsThenKeyword(): boolean {
    const rest = this.src.slice(this.pos);
    return /^\s+(and|or)(\s|\(|$)/i.test(rest);
  }

  private atKeyword(): boolean {
    return /^(and|or)(\s|\(|$)/i.test(this.src.slice(this.pos));
  }

  private acceptKeyword(keyword: 'and' | 'or' | 'not'): boolean {
    const save = this.pos;
    this.skipWs();
    const rest = this.src.slice(this.pos);
    const match = new RegExp(`^${keyword}(?=\\s|\\(|$)`, 'i').exec(rest);
    // Binary keywords need whitespace (or ")") before them so `fooand` is never split.
    if (match && (keyword === 'not' || this.pos > save || this.src[this.pos - 1] === ')')) {
      this.pos += match[0].length;
      return true;
    }
    this.pos = save;
    return false;
  }

  private skipWs(): void {
    while (this.pos < this.src.length && WHITESPACE.test(this.src[this.pos])) this.pos++;
  }
}

const toSegment = (name: string): FieldSegment => (/^\d+$/.test(name) ? Number(name) : name);

/** Parses a KQL condition; throws `KqlSyntaxError` (with a 0-based `position`) on invalid input. */
export function parseKql(text: string): KqlNode {
  return new Parser(text).parse();
}
