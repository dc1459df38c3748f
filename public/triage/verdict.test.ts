import { PREINSTALLED_WORKFLOWS } from '../../server/workflows/bootstrap/preinstalled_workflows';
import { TRIAGE_WORKFLOW_ID } from '../../common/api/triage';
import { parseVerdict, parseVerdictNote } from './verdict';

const P = 'workflow.security.alert.validation';
const NOTE = [
  '## Automated Alert Analysis',
  '',
  '**Classification:** **false_positive**',
  '**Confidence:** 0.92 (92%)',
  '',
  '**Rationale:** Scheduled backup job &amp; known admin host.',
  '',
  '**Contributing factors:**',
  '- none',
].join('\n');

describe('parseVerdictNote', () => {
  it('reads classification, confidence and rationale of a verdict note', () => {
    expect(parseVerdictNote(NOTE)).toEqual({ classification: 'false_positive', confidence: 0.92, rationale: 'Scheduled backup job & known admin host.' });
  });
  it('ignores other notes', () => {
    expect(parseVerdictNote('Analysis running…')).toBeUndefined();
  });
});

describe('parseVerdict', () => {
  it('combines the tags with the newest matching verdict note', () => {
    const tags = ['keep', `${P}.output.classification.false_positive`, `${P}.output.confidence_score.0.9`, `${P}.closed-by-workflow`];
    const old = { note: NOTE.replace('false_positive', 'benign_true_positive').replace('0.92', '0.5'), created: 1 };
    expect(parseVerdict(tags, [old, { note: NOTE, created: 2 }])).toEqual({
      state: 'verdict',
      classification: 'false_positive',
      confidence: 0.92,
      rationale: 'Scheduled backup job & known admin host.',
      closedByWorkflow: true,
    });
  });

  it('falls back to the tag confidence when the newest note describes another verdict', () => {
    const tags = [`${P}.output.classification.true_positive`, `${P}.output.confidence_score.0.85`];
    expect(parseVerdict(tags, [{ note: NOTE, created: 5 }])).toEqual({ state: 'verdict', classification: 'true_positive', confidence: 0.85, closedByWorkflow: false });
  });

  it('reports not_analysed with the reason and its note', () => {
    const note = '⚠️ [x:1](u) Not analysed: no LLM connector for space default.';
    expect(parseVerdict([`${P}.not_analysed.no_connector`], [{ note, created: 1 }])).toEqual({ state: 'not_analysed', reason: 'no_connector', message: note });
  });

  it('is "none" without triage tags or verdict notes', () => {
    expect(parseVerdict(['other'], [{ note: 'hello' }])).toEqual({ state: 'none' });
  });

  it('uses the note alone when tags were removed by hand', () => {
    expect(parseVerdict([], [{ note: NOTE }])).toMatchObject({ state: 'verdict', classification: 'false_positive', confidence: 0.92 });
  });

  it('knows the id of the preinstalled workflow', () => {
    expect(TRIAGE_WORKFLOW_ID).toBe(PREINSTALLED_WORKFLOWS[0].id);
  });
});
