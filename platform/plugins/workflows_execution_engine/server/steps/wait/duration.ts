/** The workflow duration grammar (workflow-engine §2.2): `1w2d3h4m5s6ms`, each unit optional, in this order. */
const DURATION = /^(?:(?<w>\d+)w)?(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?(?:(?<ms>\d+)ms)?$/;

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;

/** Milliseconds, or undefined when `value` is not a non-empty duration of the grammar. */
export function parseDuration(value: string): number | undefined {
  if (value === '') return undefined;
  const match = DURATION.exec(value);
  if (!match?.groups) return undefined;
  let total = 0;
  for (const unit of Object.keys(UNIT_MS) as Array<keyof typeof UNIT_MS>) {
    const amount = match.groups[unit];
    if (amount !== undefined) total += Number(amount) * UNIT_MS[unit];
  }
  return total;
}
