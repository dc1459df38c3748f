import { KqlSyntaxError, type KqlNode, type KqlValue } from './ast';

type Token =
  | { t: 'lparen' | 'rparen' | 'colon' | 'and' | 'or' | 'not' | 'eof'; pos: number }
  | { t: 'range'; op: 'gt' | 'gte' | 'lt' | 'lte'; pos: number }
  | { t: 'word'; value: string; wildcard: boolean; pos: number }
  | { t: 'phrase'; value: string; pos: number };

const SPECIAL = new Set(['(', ')', ':', '<', '>', '"', '\\']);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (isSpace(c)) {
      i += 1;
      continue;
    }
    const pos = i;
    if (c === '(') tokens.push({ t: 'lparen', pos }), (i += 1);
    else if (c === ')') tokens.push({ t: 'rparen', pos }), (i += 1);
    else if (c === ':') tokens.push({ t: 'colon', pos }), (i += 1);
    else if (c === '<' || c === '>') {
      const eq = input[i + 1] === '=';
      tokens.push({ t: 'range', op: c === '<' ? (eq ? 'lte' : 'lt') : eq ? 'gte' : 'gt', pos });
      i += eq ? 2 : 1;
    } else if (c === '"') {
      let value = '';
      i += 1;
      while (i < input.length && input[i] !== '"') {
        if (input[i] === '\\' && i + 1 < input.length) i += 1;
        value += input[i];
        i += 1;
      }
      if (i >= input.length) throw new KqlSyntaxError(`Unterminated quoted value starting at position ${pos}`, pos);
      i += 1;
      tokens.push({ t: 'phrase', value, pos });
    } else {
      // A word runs to whitespace or a special character; `\x` escapes one character (and disables `*`).
      let value = '';
      let wildcard = false;
      while (i < input.length && !isSpace(input[i]) && (!SPECIAL.has(input[i]) || input[i] === '\\')) {
        if (input[i] === '\\') {
          if (i + 1 >= input.length) throw new KqlSyntaxError(`Dangling escape at position ${i}`, i);
          value += input[i + 1];
          i += 2;
          continue;
        }
        if (input[i] === '*') wildcard = true;
        value += input[i];
        i += 1;
      }
      const lower = value.toLowerCase();
      if (!wildcard && (lower === 'and' || lower === 'or' || lower === 'not') && value === input.slice(pos, i)) {
        tokens.push({ t: lower, pos });
      } else tokens.push({ t: 'word', value, wildcard, pos });
    }
  }
  tokens.push({ t: 'eof', pos: input.length });
  return tokens;
}

/** Parses a KQL expression; every term must name a field (`field:value`, `field:(a or b)`, `field >= v`). */
export function parseKql(input: string): KqlNode {
  const tokens = tokenize(input);
  let index = 0;
  const peek = () => tokens[Math.min(index, tokens.length - 1)];
  // Never steps past the final eof token.
  const next = () => tokens[Math.min(index++, tokens.length - 1)];

  const fail = (message: string, pos = peek().pos): never => {
    throw new KqlSyntaxError(`${message} at position ${pos}`, pos);
  };

  const flatten = (type: 'and' | 'or', nodes: KqlNode[]): KqlNode => (nodes.length === 1 ? nodes[0] : { type, nodes });

  // Inside `field:( … )`: values combined with and/or/not.
  function valueOr(field: string): KqlNode {
    const nodes = [valueAnd(field)];
    while (peek().t === 'or') next(), nodes.push(valueAnd(field));
    return flatten('or', nodes);
  }
  function valueAnd(field: string): KqlNode {
    const nodes = [valueNot(field)];
    while (peek().t === 'and') next(), nodes.push(valueNot(field));
    return flatten('and', nodes);
  }
  function valueNot(field: string): KqlNode {
    if (peek().t === 'not') {
      next();
      return { type: 'not', node: valueNot(field) };
    }
    const token = next();
    if (token.t === 'lparen') {
      const inner = valueOr(field);
      if (next().t !== 'rparen') fail('Expected ")"');
      return inner;
    }
    return matchNode(field, token);
  }
  function matchNode(field: string, token: Token): KqlNode {
    if (token.t === 'phrase') return { type: 'match', field, value: { kind: 'phrase', value: token.value } };
    if (token.t === 'word') {
      if (token.value === '*') return { type: 'exists', field };
      const value: KqlValue = { kind: 'text', value: token.value, wildcard: token.wildcard };
      return { type: 'match', field, value };
    }
    return fail('Expected a value', token.pos);
  }

  function or(): KqlNode {
    const nodes = [and()];
    while (peek().t === 'or') next(), nodes.push(and());
    return flatten('or', nodes);
  }
  function and(): KqlNode {
    const nodes = [not()];
    for (;;) {
      if (peek().t === 'and') next(), nodes.push(not());
      else break;
    }
    return flatten('and', nodes);
  }
  function not(): KqlNode {
    if (peek().t === 'not') {
      next();
      return { type: 'not', node: not() };
    }
    return primary();
  }
  function primary(): KqlNode {
    const token = next();
    if (token.t === 'lparen') {
      const inner = or();
      if (next().t !== 'rparen') fail('Expected ")"');
      return inner;
    }
    if (token.t !== 'word' || token.wildcard) return fail('Expected a field name', token.pos);
    const field = token.value;
    const op = next();
    if (op.t === 'range') {
      const value = next();
      if (value.t !== 'word' && value.t !== 'phrase') return fail('Expected a value', value.pos);
      return { type: 'range', field, op: op.op, value: value.value };
    }
    if (op.t !== 'colon') return fail(`Expected ":" after field ${field} (free-text terms are not supported; name a field)`, op.pos);
    if (peek().t === 'lparen') {
      next();
      const inner = valueOr(field);
      if (next().t !== 'rparen') fail('Expected ")"');
      return inner;
    }
    return matchNode(field, next());
  }

  if (peek().t === 'eof') fail('Empty filter');
  const node = or();
  if (peek().t !== 'eof') fail('Unexpected input');
  return node;
}
