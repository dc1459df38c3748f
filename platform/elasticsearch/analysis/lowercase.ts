/**
 * Lucene's LowerCaseFilter lowercases code point by code point (Java `Character.toLowerCase`), so it is
 * neither locale- nor context-sensitive: final sigma stays `σ`, and `İ` becomes a plain `i`.
 */
const cache = new Map<number, string>();

function lowerCodePoint(cp: number): string {
  let lower = cache.get(cp);
  if (lower === undefined) {
    const full = String.fromCodePoint(cp).toLowerCase();
    // JS full case mapping may expand (U+0130 -> "i̇"); Java's simple mapping keeps one code point.
    const first = full.codePointAt(0) ?? cp;
    lower = [...full].length === 1 ? full : String.fromCodePoint(first);
    cache.set(cp, lower);
  }
  return lower;
}

export function lowercaseTerm(term: string): string {
  // Fast path: pure ASCII needs no per-code-point work.
  let ascii = true;
  for (let i = 0; i < term.length; i++) {
    if (term.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return term.toLowerCase();
  let out = '';
  for (const ch of term) out += lowerCodePoint(ch.codePointAt(0) ?? 0);
  return out;
}
