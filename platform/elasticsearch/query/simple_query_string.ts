/**
 * simple_query_string: a port of the grammar of Lucene's SimpleQueryParser (`+ | - " * ( ) ~N \`), which
 * never fails on syntax, and the Elasticsearch evaluation of each piece over the resolved fields
 * (per-field queries combined by dis_max with tie_breaker 1.0).
 */
import type { FieldIndex } from '../search_view';
import type { Operator, SimpleQueryStringNode } from './ast';
import { SQS_FLAGS } from './ast';
import { fieldGroup, keywordTerm } from './field_values';
import { boolOfTerms, fuzzyTerms, phraseMatches, resolveFields, searchAnalyzer } from './full_text';
import { allDocs, prefixDocs, termOnField, textTermMatches, type QueryContext } from './leaf_queries';
import { combineBool, constantMatches, disMax, NO_MATCHES, type Matches } from './matches';
import { resolveMinimumShouldMatch } from './minimum_should_match';
import { EsError } from '../errors';

type Occur = 'must' | 'should';

export type SqsQuery =
  | { kind: 'text'; text: string }
  | { kind: 'phrase'; text: string; slop: number }
  | { kind: 'prefix'; text: string }
  | { kind: 'fuzzy'; text: string; edits: number }
  | { kind: 'not'; query: SqsQuery }
  | { kind: 'bool'; clauses: { occur: Occur; query: SqsQuery }[] };

interface State {
  data: string[];
  index: number;
  end: number;
  top: SqsQuery | undefined;
  currentOperation: Occur | undefined;
  previousOperation: Occur | undefined;
  not: number;
}

const WS = new Set([' ', '\t', '\n', '\r']);

export function parseSimpleQueryString(text: string, flags: number, defaultOperator: Operator): SqsQuery | undefined {
  const has = (f: number): boolean => (flags & f) !== 0;
  const defaultOccur: Occur = defaultOperator === 'and' ? 'must' : 'should';
  const data = [...text];

  function tokenFinished(s: State): boolean {
    const c = s.data[s.index];
    return (
      (c === '"' && has(SQS_FLAGS.PHRASE)) ||
      (c === '|' && has(SQS_FLAGS.OR)) ||
      (c === '+' && has(SQS_FLAGS.AND)) ||
      ((c === '(' || c === ')') && has(SQS_FLAGS.PRECEDENCE)) ||
      (WS.has(c) && has(SQS_FLAGS.WHITESPACE))
    );
  }

  function buildTree(s: State, branch: SqsQuery | undefined): void {
    if (branch === undefined) return;
    let b = branch;
    if (s.not % 2 === 1) b = { kind: 'not', query: b };
    if (s.top === undefined) {
      s.top = b;
    } else {
      if (s.currentOperation === undefined) s.currentOperation = defaultOccur;
      if (s.previousOperation !== s.currentOperation || s.top.kind !== 'bool') {
        s.top = { kind: 'bool', clauses: [{ occur: s.currentOperation, query: s.top }] };
      }
      if (s.top.kind === 'bool') s.top = { kind: 'bool', clauses: [...s.top.clauses, { occur: s.currentOperation, query: b }] };
      s.previousOperation = s.currentOperation;
    }
    s.currentOperation = undefined;
  }

  function parseFuzziness(s: State): number {
    let digits = '';
    if (s.data[s.index] !== '~') return 0;
    while (s.index < s.end) {
      s.index++;
      if (s.index < s.end) {
        if (tokenFinished(s)) break;
        digits += s.data[s.index];
      }
    }
    let n = digits === '' ? 2 : /^[+-]?\d+$/.test(digits) ? parseInt(digits, 10) : 0;
    if (n < 0) n = 0;
    return n;
  }

  function consumeSubQuery(s: State): void {
    const start = ++s.index;
    let precedence = 1;
    let escaped = false;
    while (s.index < s.end) {
      const c = s.data[s.index];
      if (!escaped) {
        if (c === '\\' && has(SQS_FLAGS.ESCAPE)) {
          escaped = true;
          s.index++;
          continue;
        } else if (c === '(') precedence++;
        else if (c === ')') {
          precedence--;
          if (precedence === 0) break;
        }
      }
      escaped = false;
      s.index++;
    }
    if (s.index === s.end) {
      s.index = start;
    } else if (s.index === start) {
      s.currentOperation = undefined;
      s.index++;
    } else {
      const sub: State = { data: s.data, index: start, end: s.index, top: undefined, currentOperation: undefined, previousOperation: undefined, not: 0 };
      parseSub(sub);
      buildTree(s, sub.top);
      s.index++;
    }
  }

  function consumePhrase(s: State): void {
    const start = ++s.index;
    let buf = '';
    let escaped = false;
    let hasSlop = false;
    while (s.index < s.end) {
      const c = s.data[s.index];
      if (!escaped) {
        if (c === '\\' && has(SQS_FLAGS.ESCAPE)) {
          escaped = true;
          s.index++;
          continue;
        } else if (c === '"') {
          if (s.end > s.index + 1 && s.data[s.index + 1] === '~' && has(SQS_FLAGS.NEAR)) {
            s.index++;
            if (s.end > s.index + 1) hasSlop = true;
          }
          break;
        }
      }
      escaped = false;
      buf += s.data[s.index++];
    }
    if (s.index === s.end) {
      s.index = start;
    } else if (s.index === start) {
      s.currentOperation = undefined;
      s.index++;
    } else {
      const slop = hasSlop ? parseFuzziness(s) : 0;
      buildTree(s, { kind: 'phrase', text: buf, slop });
      s.index++;
    }
  }

  function consumeToken(s: State): void {
    let buf = '';
    let escaped = false;
    let prefix = false;
    let fuzzy = false;
    while (s.index < s.end) {
      const c = s.data[s.index];
      if (!escaped) {
        if (c === '\\' && has(SQS_FLAGS.ESCAPE)) {
          escaped = true;
          prefix = false;
          s.index++;
          continue;
        } else if (tokenFinished(s)) {
          break;
        } else if (buf.length > 0 && c === '~' && has(SQS_FLAGS.FUZZY)) {
          fuzzy = true;
          break;
        }
        prefix = buf.length > 0 && c === '*' && has(SQS_FLAGS.PREFIX);
      }
      escaped = false;
      buf += s.data[s.index++];
    }
    if (buf.length === 0) return;
    if (fuzzy) {
      const edits = Math.min(2, parseFuzziness(s));
      buildTree(s, edits === 0 ? { kind: 'text', text: buf } : { kind: 'fuzzy', text: buf, edits });
    } else if (prefix) {
      buildTree(s, { kind: 'prefix', text: buf.slice(0, -1) });
    } else {
      buildTree(s, { kind: 'text', text: buf });
    }
  }

  function parseSub(s: State): void {
    while (s.index < s.end) {
      const c = s.data[s.index];
      if (c === '(' && has(SQS_FLAGS.PRECEDENCE)) consumeSubQuery(s);
      else if (c === ')' && has(SQS_FLAGS.PRECEDENCE)) s.index++;
      else if (c === '"' && has(SQS_FLAGS.PHRASE)) consumePhrase(s);
      else if (c === '+' && has(SQS_FLAGS.AND)) {
        if (s.currentOperation === undefined && s.top !== undefined) s.currentOperation = 'must';
        s.index++;
      } else if (c === '|' && has(SQS_FLAGS.OR)) {
        if (s.currentOperation === undefined && s.top !== undefined) s.currentOperation = 'should';
        s.index++;
      } else if (c === '-' && has(SQS_FLAGS.NOT)) {
        s.not++;
        s.index++;
        continue;
      } else if (WS.has(c) && has(SQS_FLAGS.WHITESPACE)) s.index++;
      else consumeToken(s);
      s.not = 0;
    }
  }

  const state: State = { data, index: 0, end: data.length, top: undefined, currentOperation: undefined, previousOperation: undefined, not: 0 };
  parseSub(state);
  return state.top;
}

// ---------- evaluation ----------

interface SqsEval {
  ctx: QueryContext;
  node: SimpleQueryStringNode;
  fields: { fi: FieldIndex; field: string; boost: number }[];
  lenient: boolean;
  scoring: boolean;
}

export function simpleQueryStringQuery(ctx: QueryContext, node: SimpleQueryStringNode, boost: number, scoring: boolean): Matches {
  const parsed = parseSimpleQueryString(node.query, node.flags, node.defaultOperator);
  if (!parsed) return NO_MATCHES;
  const { fields: resolved, all } = resolveFields(ctx.view, node.fields ?? ctx.view.settings.defaultFields);
  const fields = [];
  for (const f of resolved) {
    const fi = ctx.view.field(f.field);
    if (fi) fields.push({ fi, field: f.field, boost: Math.fround(boost * f.boost) });
  }
  const ev: SqsEval = { ctx, node, fields, lenient: node.lenient ?? (all || node.fields === undefined), scoring };
  const top = evaluate(ev, parsed, node.minimumShouldMatch);
  return top ?? NO_MATCHES;
}

function evaluate(ev: SqsEval, q: SqsQuery, topMsm?: SimpleQueryStringNode['minimumShouldMatch']): Matches | undefined {
  switch (q.kind) {
    case 'text':
      return perField(ev, (f) => analyzedBool(ev, f, q.text, topMsm));
    case 'phrase':
      return perField(ev, (f) => phrase(ev, f, q.text, q.slop));
    case 'prefix':
      return perField(ev, (f) => prefix(ev, f, q.text));
    case 'fuzzy':
      return perField(ev, (f) => fuzzy(ev, f, q.text, q.edits));
    case 'not': {
      const inner = evaluate(ev, q.query);
      if (!inner) return undefined;
      // Lucene: MUST_NOT q + SHOULD match_all (which scores 1).
      return combineBool({
        must: [],
        filter: [],
        mustNot: [inner.docs],
        should: [constantMatches(allDocs(ev.ctx.view), 1)],
        minimumShouldMatch: 0,
        scoring: ev.scoring,
        maxDoc: ev.ctx.view.maxDoc,
        allDocs: () => allDocs(ev.ctx.view),
      });
    }
    case 'bool': {
      const must: Matches[] = [];
      const should: Matches[] = [];
      for (const c of q.clauses) {
        const m = evaluate(ev, c.query);
        if (!m) continue;
        (c.occur === 'must' ? must : should).push(m);
      }
      if (must.length + should.length === 0) return undefined;
      const msm = topMsm !== undefined && should.length > 0 ? resolveMinimumShouldMatch(should.length, topMsm) : 0;
      return combineBool({
        must,
        filter: [],
        mustNot: [],
        should,
        minimumShouldMatch: msm,
        scoring: ev.scoring,
        maxDoc: ev.ctx.view.maxDoc,
        allDocs: () => allDocs(ev.ctx.view),
      });
    }
  }
}

type FieldRef = SqsEval['fields'][number];

function perField(ev: SqsEval, build: (f: FieldRef) => Matches | undefined): Matches | undefined {
  const parts: Matches[] = [];
  for (const f of ev.fields) {
    try {
      const m = build(f);
      if (m) parts.push(m);
    } catch (e) {
      if (!ev.lenient || (e instanceof EsError && e.meta.embedded_unsupported !== undefined)) throw e;
    }
  }
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return disMax(parts, 1, ev.scoring);
}

function analyzedBool(ev: SqsEval, f: FieldRef, text: string, msm: SimpleQueryStringNode['minimumShouldMatch']): Matches | undefined {
  const { ctx, scoring } = ev;
  if (f.fi.kind !== 'text') return termOnField(ctx, f.fi, text, false, f.boost, scoring);
  const tokens = searchAnalyzer(f.fi, ev.node.analyzer).analyze(text);
  if (tokens.length === 0) return undefined;
  const fi = f.fi;
  const clauses = tokens.map((t) => textTermMatches(ctx, fi, t.term, f.boost, scoring));
  if (clauses.length === 1) return clauses[0];
  return boolOfTerms(ctx, clauses, ev.node.defaultOperator === 'and', ev.fields.length === 1 ? msm : undefined, scoring);
}

function phrase(ev: SqsEval, f: FieldRef, text: string, slop: number): Matches | undefined {
  const { ctx, scoring } = ev;
  let ref = f;
  if (ev.node.quoteFieldSuffix) {
    const quoted = ctx.view.field(f.field + ev.node.quoteFieldSuffix);
    if (quoted) ref = { ...f, fi: quoted };
  }
  const fi = ref.fi;
  if (fi.kind !== 'text') return termOnField(ctx, fi, text, false, ref.boost, scoring);
  const tokens = searchAnalyzer(fi, ev.node.analyzer).analyze(text);
  if (tokens.length === 0) return undefined;
  if (tokens.length === 1) return textTermMatches(ctx, fi, tokens[0].term, ref.boost, scoring);
  return phraseMatches(ctx, fi, tokens, slop, ref.boost, scoring);
}

/** Normalizes a prefix or fuzzy term the way the field's analyzer would (lowercasing). */
function normalizeTerm(ev: SqsEval, fi: FieldIndex, text: string): string {
  if (fi.kind === 'terms') return keywordTerm(fi.mapping, text);
  if (fi.kind === 'text') {
    const analyzer = searchAnalyzer(fi, ev.node.analyzer);
    return analyzer.name === 'whitespace' || analyzer.name === 'keyword' ? text : text.toLowerCase();
  }
  return text;
}

function prefix(ev: SqsEval, f: FieldRef, text: string): Matches | undefined {
  const fi = f.fi;
  if (fi.kind === 'numeric' || (fi.kind === 'terms' && fieldGroup(fi.mapping.type) !== 'keyword')) {
    return termOnField(ev.ctx, fi, text, false, f.boost, ev.scoring);
  }
  return constantMatches(prefixDocs(fi, normalizeTerm(ev, fi, text)), f.boost);
}

function fuzzy(ev: SqsEval, f: FieldRef, text: string, edits: number): Matches | undefined {
  const opts = { prefixLength: ev.node.fuzzyPrefixLength, maxExpansions: ev.node.fuzzyMaxExpansions };
  return fuzzyTerms(ev.ctx, f.fi, normalizeTerm(ev, f.fi, text), opts, f.boost, ev.scoring, edits);
}
