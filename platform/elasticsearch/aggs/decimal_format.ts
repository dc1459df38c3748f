/** Number formatting for `format` parameters: the common subset of Java DecimalFormat patterns (`#.0`, `0.00`, `#,##0.###`). */
export function decimalFormat(n: number, pattern: string): string {
  const [intPart, fracPart = ''] = pattern.split('.');
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const maxFrac = minFrac + (fracPart.match(/#/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const grouping = intPart.includes(',');
  let text = Math.abs(n).toFixed(maxFrac);
  if (maxFrac > minFrac) {
    const [i, f = ''] = text.split('.');
    let frac = f;
    while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
    text = frac.length > 0 ? `${i}.${frac}` : i;
  }
  let [ints, fraction] = text.split('.');
  if (ints === '0' && minInt === 0 && fraction !== undefined) ints = '';
  ints = ints.padStart(minInt, '0');
  if (grouping) ints = ints.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = n < 0 ? '-' : '';
  return fraction !== undefined ? `${sign}${ints}.${fraction}` : `${sign}${ints}`;
}
