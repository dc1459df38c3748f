/**
 * Date math in index names (`<logs-{now/d}>`, `<logs-{now/M{yyyy.MM}}>`, `<x-{now{yyyy.MM.dd|+01:00}}>`),
 * resolved like Elasticsearch's DateMathExpressionResolver. Other names pass through unchanged.
 */
import { formatDate, resolveDateMath } from '../dates';
import { EsError } from '../errors';

const DEFAULT_FORMAT = 'uuuu.MM.dd';

function invalid(expression: string, why: string): EsError {
  return new EsError(400, 'illegal_argument_exception', `invalid dynamic name expression [${expression}]. ${why}`);
}

export function resolveDateMathName(name: string, now: number): string {
  if (!(name.startsWith('<') && name.endsWith('>'))) return name;
  const text = name.slice(1, -1);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      if (i + 1 >= text.length) throw invalid(text, 'missing escaped character');
      out += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '}') throw invalid(text, `invalid character at position [${i}].`);
    if (c !== '{') {
      out += c;
      i++;
      continue;
    }
    // {math} or {math{format|zone}}
    let j = i + 1;
    let math = '';
    while (j < text.length && text[j] !== '{' && text[j] !== '}') math += text[j++];
    let format = DEFAULT_FORMAT;
    let zone: string | undefined;
    if (text[j] === '{') {
      let spec = '';
      j++;
      while (j < text.length && text[j] !== '}') spec += text[j++];
      if (text[j] !== '}') throw invalid(text, 'missing closing `}` for date math format');
      j++;
      const bar = spec.indexOf('|');
      if (bar >= 0) {
        zone = spec.slice(bar + 1);
        spec = spec.slice(0, bar);
      }
      if (spec.length > 0) format = spec;
    }
    if (text[j] !== '}') throw invalid(text, 'date math placeholder is open ended');
    if (math.length === 0) throw invalid(text, 'missing date math expression');
    try {
      out += formatDate(resolveDateMath(math, { now, timeZone: zone }), format, zone);
    } catch (e) {
      throw invalid(text, e instanceof Error ? e.message : String(e));
    }
    i = j + 1;
  }
  return out;
}
