import { buildWhy, whyText } from './why';

describe('buildWhy / whyText', () => {
  it('orders entries by score then parent, sorts and caps matches, and renders alias matches with "as"', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      label: 'host',
      field: 'host.name',
      matched_field: 'host.name',
      value: `h${String(i).padStart(2, '0')}`,
      score: 1,
    }));
    const why = buildWhy([
      { parent: 'B', score: 4, labelScores: { user: 4 }, matches: [{ label: 'user', field: 'user.id', matched_field: 'user.id', value: 'u', score: 4 }] },
      {
        parent: 'A',
        score: 8,
        labelScores: { user: 4, destination: 4 },
        matches: [
          { label: 'user', field: 'user.id', matched_field: 'user.id', value: 'u', score: 4 },
          { label: 'destination', field: 'destination.ip', matched_field: 'source.ip', value: '10.0.0.1', score: 4 },
          { label: 'user', field: 'user.id', matched_field: 'user.id', value: 'u', score: 4 },
        ],
      },
      { parent: 'C', score: 4, labelScores: { host: 1 }, matches: [...many].reverse() },
    ]);
    expect(why.map((w) => w.from)).toEqual(['A', 'B', 'C']);
    expect(Object.keys(why[0].label_scores)).toEqual(['destination', 'user']);
    expect(why[0].matches.map((m) => m.field)).toEqual(['destination.ip', 'user.id']);
    expect(why[2].matches).toHaveLength(10);
    expect(why[2].matches[0].value).toBe('h00');
    expect(whyText(why.slice(0, 2))).toBe('A (score 8): destination.ip=10.0.0.1 (as source.ip), user.id=u; B (score 4): user.id=u');
    expect(whyText([])).toBe('');
  });
});
