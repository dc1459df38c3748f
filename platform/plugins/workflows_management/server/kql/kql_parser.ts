import { KqlSyntaxError, type KqlNode, type KqlRangeOperator, type KqlValue, type KqlValueExpression } from './kql_ast';

/**
 * A recursive-descent parser for KQL following Kibana's grammar: `or` < `and` < `not` precedence, case-insensitive
 * keywords, unquoted values that run (spaces included) until a keyword, a special character or the end, quoted
 * phrases, `field: (a or b)` value lists and `field >= value` ranges. Nested `field: { … }` queries are out of scope.
 */
export function parseKql(source: string): KqlNode {
  const parser = new Parser(source);
  return parser.parseQuery();
}

const SPECIAL = new Set(['\\', '(', ')', ':', '<', '>', '"', '*', '{', '}']);
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parseQuery(): KqlNode {
    this.skipSpaces();
    if (this.pos >= this.src.length) return { kind: 'all' };
    const node = this.parseOr();
    this.skipSpaces();
    if (this.pos < this.src.length) this.fail(`Unexpected "${this.src[this.pos]}"`);
    return node;
  }

  private parseOr(): KqlNode {
    const operands = [this.parseAnd()];
    while (this.consumeKeyword('or')) operands.push(this.parseAnd());
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(): KqlNode {
    const operands = [this.parseNot()];
    while (this.consumeKeyword('and')) operands.push(this.parseNot());
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private parseNot(): KqlNode {
    this.skipSpaces();
    if (this.consumeNot()) return { kind: 'not', operand: this.parseNot() };
    return this.parsePrimary();
  }

  private parsePrimary(): KqlNode {
    this.skipSpaces();
    if (this.peek() === '(') {
      this.pos += 1;
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    const start = this.pos;
    const literal = this.parseValue();
    const afterLiteral = this.pos;
    this.skipSpaces();
    const c = this.peek();
    if (c === ':') {
      this.pos += 1;
      const field = this.fieldName(literal, start);
      this.skipSpaces();
      if (this.peek() === '{') this.fail('Nested field queries (field:{…}) are not supported');
      return { kind: 'match', field, value: this.parseValueExpression() };
    }
    if (c === '<' || c === '>') {
      const operator = this.parseRangeOperator();
      const field = this.fieldName(literal, start);
      this.skipSpaces();
      const value = this.parseValue();
      if (value.wildcard) this.fail('A range value cannot contain a wildcard');
      return { kind: 'range', field, operator, value };
    }
    // The spaces belong to a following keyword (`a or b`).
    this.pos = afterLiteral;
    return { kind: 'freeText', value: literal };
  }

  private parseValueExpression(): KqlValueExpression {
    this.skipSpaces();
    if (this.peek() === '(') {
      this.pos += 1;
      const inner = this.parseValueOr();
      this.expect(')');
      return inner;
    }
    return { kind: 'value', value: this.parseValue() };
  }

  private parseValueOr(): KqlValueExpression {
    const operands = [this.parseValueAnd()];
    while (this.consumeKeyword('or')) operands.push(this.parseValueAnd());
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private parseValueAnd(): KqlValueExpression {
    const operands = [this.parseValueNot()];
    while (this.consumeKeyword('and')) operands.push(this.parseValueNot());
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private parseValueNot(): KqlValueExpression {
    this.skipSpaces();
    if (this.consumeNot()) return { kind: 'not', operand: this.parseValueNot() };
    return this.parseValueExpression();
  }

  private parseRangeOperator(): KqlRangeOperator {
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === '<=' || two === '>=') {
      this.pos += 2;
      return two === '<=' ? 'lte' : 'gte';
    }
    const one = this.src[this.pos];
    this.pos += 1;
    return one === '<' ? 'lt' : 'gt';
  }

  /** A quoted phrase or an unquoted literal. */
  private parseValue(): KqlValue {
    this.skipSpaces();
    if (this.peek() === '"') return this.parseQuoted();
    return this.parseUnquoted();
  }

  private parseQuoted(): KqlValue {
    const start = this.pos;
    this.pos += 1;
    let text = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\') {
        const next = this.src[this.pos + 1];
        if (next === undefined) break;
        text += next;
        this.pos += 2;
        continue;
      }
      if (c === '"') {
        this.pos += 1;
        return { text, quoted: true, wildcard: false, pattern: escapeWildcard(text) };
      }
      text += c;
      this.pos += 1;
    }
    throw new KqlSyntaxError('Unterminated quoted value', start);
  }

  private parseUnquoted(): KqlValue {
    const start = this.pos;
    let text = '';
    let pattern = '';
    let wildcard = false;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\') {
        const next = this.src[this.pos + 1];
        if (next === undefined) this.fail('A value cannot end with "\\"');
        text += next;
        pattern += escapeWildcard(next);
        this.pos += 2;
        continue;
      }
      if (c === '*') {
        text += c;
        pattern += '*';
        wildcard = true;
        this.pos += 1;
        continue;
      }
      if (SPECIAL.has(c)) break;
      if (isSpace(c) && this.keywordAhead()) break;
      if (text === '' && this.notAhead()) break;
      text += c;
      pattern += escapeWildcard(c);
      this.pos += 1;
    }
    const trimmedEnd = text.length - text.trimEnd().length;
    if (trimmedEnd > 0) {
      text = text.slice(0, text.length - trimmedEnd);
      pattern = pattern.slice(0, pattern.length - trimmedEnd);
    }
    if (text === '') this.fail(this.pos >= this.src.length ? 'Expected a value at the end of the query' : `Expected a value at "${this.src[this.pos]}"`, start);
    return { text, quoted: false, wildcard, pattern };
  }

  private fieldName(literal: KqlValue, start: number): string {
    if (literal.quoted) return literal.text;
    if (literal.text === '') this.fail('Expected a field name', start);
    return literal.text;
  }

  /** `or`/`and` preceded by whitespace (we stand on it) and followed by whitespace. */
  private keywordAhead(): boolean {
    const rest = this.src.slice(this.pos);
    return /^\s+(or|and)\s/i.test(rest) || /^\s+not\s/i.test(rest);
  }

  private notAhead(): boolean {
    return /^not\s/i.test(this.src.slice(this.pos));
  }

  private consumeKeyword(word: 'or' | 'and'): boolean {
    const match = new RegExp(`^\\s+${word}\\s+`, 'i').exec(this.src.slice(this.pos));
    if (!match) return false;
    this.pos += match[0].length;
    return true;
  }

  private consumeNot(): boolean {
    const match = /^not\s+/i.exec(this.src.slice(this.pos));
    if (!match) return false;
    this.pos += match[0].length;
    return true;
  }

  private skipSpaces(): void {
    while (isSpace(this.src[this.pos])) this.pos += 1;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private expect(c: string): void {
    this.skipSpaces();
    if (this.src[this.pos] !== c) this.fail(this.pos >= this.src.length ? `Expected "${c}" at the end of the query` : `Expected "${c}" but found "${this.src[this.pos]}"`);
    this.pos += 1;
  }

  private fail(message: string, position = this.pos): never {
    throw new KqlSyntaxError(`${message} (at position ${position + 1})`, position);
  }
}

function escapeWildcard(text: string): string {
  return text.replace(/[*?\\]/g, (c) => `\\${c}`);
}
