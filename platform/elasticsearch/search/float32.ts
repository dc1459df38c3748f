/**
 * Elasticsearch prints scores as Java floats: the shortest decimal that reads back as the same float32
 * (`0.2876821`, not the double expansion `0.28768208622932434`). Returning that decimal as a JS number
 * makes JSON.stringify print exactly those digits.
 */
export function float32Number(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const f = Math.fround(x);
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(f.toPrecision(p));
    if (Math.fround(candidate) === f) return candidate;
  }
  return f;
}
