/**
 * The latest triage verdict of an alert, read back from what the `security.alert.validation` workflow writes: its
 * tags (classification, confidence, not_analysed, closed) and its "## Automated Alert Analysis" note (rationale).
 */
import { TRIAGE_TAG_PREFIX } from '../../common/api/triage';

export interface TriageNote {
  note: string;
  created?: number;
  updated?: number;
}

export type TriageVerdict =
  | {
      state: 'verdict';
      classification: string;
      /** 0..1, from the note when present, else from the tag. */
      confidence?: number;
      rationale?: string;
      closedByWorkflow: boolean;
    }
  | { state: 'not_analysed'; reason: string; message?: string }
  | { state: 'none' };

export const VERDICT_NOTE_HEADING = '## Automated Alert Analysis';

const suffixesOf = (tags: readonly string[], key: string): string[] => {
  const prefix = `${TRIAGE_TAG_PREFIX}.${key}.`;
  return tags.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length)).filter((s) => s !== '');
};

/** Strips the markdown emphasis and escaping the workflow adds around values. */
const plain = (value: string): string =>
  value
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();

export interface ParsedVerdictNote {
  classification?: string;
  confidence?: number;
  rationale?: string;
}

/** The verdict fields of one "## Automated Alert Analysis" note; undefined for any other note. */
export function parseVerdictNote(note: string): ParsedVerdictNote | undefined {
  if (!note.trimStart().startsWith(VERDICT_NOTE_HEADING)) return undefined;
  const line = (label: string) => new RegExp(`^\\*\\*${label}:\\*\\*\\s*(.*)$`, 'm').exec(note)?.[1];
  const classification = line('Classification');
  const confidenceText = line('Confidence');
  const confidence = confidenceText === undefined ? undefined : Number.parseFloat(confidenceText);
  const rationale = line('Rationale');
  return {
    classification: classification === undefined ? undefined : plain(classification),
    confidence: confidence !== undefined && Number.isFinite(confidence) ? confidence : undefined,
    rationale: rationale === undefined ? undefined : plain(rationale),
  };
}

const latestFirst = (a: TriageNote, b: TriageNote) => (b.updated ?? b.created ?? 0) - (a.updated ?? a.created ?? 0);

/**
 * The tags decide the state (the workflow replaces its stale tags on every run); the newest verdict note adds the
 * rationale and exact confidence, and the newest "Not analysed" note the reason's explanation.
 */
export function parseVerdict(tags: readonly string[], notes: readonly TriageNote[]): TriageVerdict {
  const sorted = [...notes].sort(latestFirst);
  const notAnalysed = suffixesOf(tags, 'not_analysed');
  if (notAnalysed.length > 0) {
    const message = sorted.find((n) => n.note.includes('Not analysed'))?.note;
    return { state: 'not_analysed', reason: notAnalysed[0], ...(message ? { message } : {}) };
  }
  const [tagClass] = suffixesOf(tags, 'output.classification');
  const [tagConfidence] = suffixesOf(tags, 'output.confidence_score');
  const note = sorted.map((n) => parseVerdictNote(n.note)).find((p) => p !== undefined);
  const classification = tagClass ?? note?.classification;
  if (classification === undefined) return { state: 'none' };
  // The note belongs to the tagged verdict only when both agree (an older note may describe an older run).
  const matching = note !== undefined && (tagClass === undefined || note.classification === tagClass) ? note : undefined;
  const tagNumber = tagConfidence === undefined ? undefined : Number.parseFloat(tagConfidence);
  const confidence = matching?.confidence ?? (tagNumber !== undefined && Number.isFinite(tagNumber) ? tagNumber : undefined);
  return {
    state: 'verdict',
    classification,
    ...(confidence !== undefined ? { confidence } : {}),
    ...(matching?.rationale ? { rationale: matching.rationale } : {}),
    closedByWorkflow: tags.includes(`${TRIAGE_TAG_PREFIX}.closed-by-workflow`),
  };
}
