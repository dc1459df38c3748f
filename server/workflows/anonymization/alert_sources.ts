/** Where the alerts a workflow's LLM request talks about come from: the trigger event, attachments, ids in the text. */

type AlertDocument = Record<string, unknown>;

const isRecord = (value: unknown): value is AlertDocument => typeof value === 'object' && value !== null && !Array.isArray(value);

export const SECURITY_ALERT_ATTACHMENT = 'security.alert';
export const MAX_ALERT_ID_LOOKUPS = 200;

/** `event.alerts` of an alert-triggered run (full documents with `_id`). */
export function alertsFromEvent(event: Record<string, unknown> | undefined): AlertDocument[] {
  const alerts = event?.alerts;
  return Array.isArray(alerts) ? alerts.filter(isRecord) : [];
}

function parseJsonObject(text: string): AlertDocument | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    // Free text, not an alert: the ids it mentions are still found by candidateAlertIds.
    return undefined;
  }
}

/**
 * The alert of each `security.alert` attachment: `data.alert` (an object, or its JSON text as the shipped workflow
 * passes it through `| json`), else `data` itself when it is an object.
 */
export function alertsFromAttachments(attachments: ReadonlyArray<{ type: string; data: unknown }>): AlertDocument[] {
  const out: AlertDocument[] = [];
  for (const attachment of attachments) {
    if (attachment.type !== SECURITY_ALERT_ATTACHMENT) continue;
    const data = typeof attachment.data === 'string' ? parseJsonObject(attachment.data) : attachment.data;
    if (!isRecord(data)) continue;
    const inner = data.alert;
    const alert = typeof inner === 'string' ? parseJsonObject(inner) : isRecord(inner) ? inner : data;
    if (alert) out.push(alert);
  }
  return out;
}

// An id-like word: letters, digits, `_` and `-`, 6–128 chars, bounded by anything else (spaces, brackets, quotes).
const ID_CANDIDATE = /(?<![A-Za-z0-9_-])[A-Za-z0-9][A-Za-z0-9_-]{5,127}(?![A-Za-z0-9_-])/g;
const HAS_DIGIT = /\d/;

const shapeOf = (id: string) => `${id.length}:${/^[0-9a-f]+$/i.test(id) ? 'hex' : /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(id) ? 'uuid' : 'word'}`;

/**
 * Words of the outgoing text that may be alert ids (the triage prompt lists related alerts by id next to their
 * narratives): id-shaped, with a digit, not already known. Words shaped like a known id (same length and alphabet)
 * come first, then first-seen order; at most `max`, so the lookup stays one bounded request.
 */
export function candidateAlertIds(texts: readonly string[], known: ReadonlySet<string>, max = MAX_ALERT_ID_LOOKUPS): string[] {
  const knownShapes = new Set([...known].map(shapeOf));
  const likely: string[] = [];
  const other = new Set<string>();
  const seen = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(ID_CANDIDATE)) {
      const word = match[0];
      if (seen.has(word) || known.has(word) || !HAS_DIGIT.test(word)) continue;
      seen.add(word);
      if (knownShapes.has(shapeOf(word))) likely.push(word);
      else other.add(word);
    }
  }
  return [...likely, ...other].slice(0, max);
}

/** The `_id`s of documents that carry one. */
export const idsOf = (documents: readonly AlertDocument[]): Set<string> =>
  new Set(documents.map((d) => d._id).filter((id): id is string => typeof id === 'string' && id !== ''));
