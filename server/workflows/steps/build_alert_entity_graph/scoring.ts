import type { GraphMatch } from '../../../../common/workflows';
import { labelOf, type PreparedGraphConfig } from './config';
import type { EntityMap, OwnerIndex } from './entities';

/** A kept link from a parent already in the graph to a new alert. */
export interface ParentLink {
  readonly parent: string;
  /** Sum of the label scores, each label counted once at its maximum. */
  readonly score: number;
  readonly labelScores: Readonly<Record<string, number>>;
  readonly matches: readonly GraphMatch[];
}

type ScoringConfig = Pick<PreparedGraphConfig, 'fieldScore' | 'aliases' | 'limits'>;

const sumLabels = (labelScores: Record<string, number>): number =>
  Object.values(labelScores).reduce((sum, score) => sum + score, 0);

/**
 * Scores a new alert against candidate parents (triage-steps §4.2 "Scoring"). Each child field matches the same
 * field and its aliases; the label is always the child's field's label; a parent is kept when its summed label
 * score reaches `min_entity_score`. Links are returned in the order their parents were first matched.
 */
export function scoreChild(
  childEntities: EntityMap,
  candidates: ReadonlySet<string>,
  owners: OwnerIndex,
  config: ScoringConfig,
): ParentLink[] {
  const labelScores = new Map<string, Record<string, number>>();
  const matches = new Map<string, GraphMatch[]>();

  for (const [field, values] of childEntities) {
    const label = labelOf(field);
    const matchFields: Array<{ field: string; score: number }> = [
      { field, score: config.fieldScore.get(field) ?? 1 },
      ...(config.aliases.get(field) ?? []).map((alias) => ({
        field: alias.field,
        score: alias.score ?? config.fieldScore.get(alias.field) ?? 1,
      })),
    ];
    for (const value of values) {
      for (const match of matchFields) {
        const carriers = owners.owners(match.field, value);
        if (carriers === undefined) continue;
        for (const parent of carriers) {
          if (!candidates.has(parent)) continue;
          const scores = labelScores.get(parent) ?? {};
          scores[label] = Math.max(scores[label] ?? Number.NEGATIVE_INFINITY, match.score);
          labelScores.set(parent, scores);
          const list = matches.get(parent) ?? [];
          list.push({ label, field, matched_field: match.field, value, score: match.score });
          matches.set(parent, list);
        }
      }
    }
  }

  const links: ParentLink[] = [];
  for (const [parent, scores] of labelScores) {
    const score = sumLabels(scores);
    if (score >= config.limits.minEntityScore) {
      links.push({ parent, score, labelScores: scores, matches: matches.get(parent) ?? [] });
    }
  }
  return links;
}

/** Merges a repeated edge: labels by maximum, then the score is re-summed. */
export function mergeLabelScores(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): { labelScores: Record<string, number>; score: number } {
  const merged: Record<string, number> = { ...a };
  for (const [label, score] of Object.entries(b)) merged[label] = Math.max(merged[label] ?? Number.NEGATIVE_INFINITY, score);
  return { labelScores: merged, score: sumLabels(merged) };
}
