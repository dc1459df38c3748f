import type { GraphMatch, GraphWhy } from '../../../../common/workflows';
import type { ParentLink } from './scoring';

export const MAX_WHY_MATCHES = 10;

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const compareMatches = (a: GraphMatch, b: GraphMatch): number =>
  compareStrings(a.label, b.label) ||
  compareStrings(a.field, b.field) ||
  compareStrings(a.value, b.value) ||
  compareStrings(a.matched_field, b.matched_field);

const sortedRecord = (record: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));

/** `why` entries of an alert: best parent first (then by id), at most 10 distinct matches each, sorted. */
export function buildWhy(links: readonly ParentLink[]): GraphWhy[] {
  return links
    .map((link) => {
      const unique = new Map<string, GraphMatch>();
      for (const match of link.matches) {
        unique.set(`${match.field}\u0000${match.matched_field}\u0000${match.value}`, match);
      }
      return {
        from: link.parent,
        score: link.score,
        label_scores: sortedRecord(link.labelScores),
        matches: [...unique.values()].sort(compareMatches).slice(0, MAX_WHY_MATCHES),
      };
    })
    .sort((a, b) => b.score - a.score || compareStrings(a.from, b.from));
}

/** `<from> (score <n>): <field>=<value>[ (as <matched_field>)], …` per entry, entries joined by `; `. */
export function whyText(why: readonly GraphWhy[]): string {
  return why
    .map((entry) => {
      const matches = entry.matches
        .map(
          (match) =>
            `${match.field}=${match.value}${match.matched_field === match.field ? '' : ` (as ${match.matched_field})`}`,
        )
        .join(', ');
      return `${entry.from} (score ${entry.score}): ${matches}`;
    })
    .join('; ');
}

export { sortedRecord, compareStrings };
