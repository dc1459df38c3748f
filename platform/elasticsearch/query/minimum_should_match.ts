/**
 * Elasticsearch `Queries.calculateMinShouldMatch`: `N`, `-N`, `N%`, `-N%` and conditional `A<B` specs
 * (space separated), computed exactly as Elasticsearch does (float percentages, truncation).
 */
import { parsingException } from '../errors';
import type { MinimumShouldMatch } from './ast';

export function resolveMinimumShouldMatch(optionalClauses: number, spec: MinimumShouldMatch): number {
  if (spec === undefined) return 0;
  const text = String(spec).trim();
  try {
    return calculate(optionalClauses, text);
  } catch {
    throw parsingException(`failed to parse [minimum_should_match] value [${text}]`);
  }
}

function calculate(count: number, spec: string): number {
  let result = count;
  if (spec.includes('<')) {
    const normalized = spec.replace(/\s*<\s*/g, '<');
    for (const part of normalized.split(/\s+/)) {
      const [upper, rest] = part.split('<');
      const upperBound = parseInteger(upper);
      if (count <= upperBound) return result;
      result = calculate(count, rest ?? '');
    }
    return result;
  }
  if (spec.includes('%')) {
    const percent = parseInteger(spec.slice(0, -1));
    const calc = Math.fround(Math.fround(result * percent) * Math.fround(1 / 100));
    result = calc < 0 ? result + Math.trunc(calc) : Math.trunc(calc);
  } else {
    const calc = parseInteger(spec);
    result = calc < 0 ? result + calc : calc;
  }
  return result < 0 ? 0 : result;
}

function parseInteger(s: string): number {
  if (!/^[+-]?\d+$/.test(s.trim())) throw new Error(`not an integer: ${s}`);
  return parseInt(s.trim(), 10);
}
