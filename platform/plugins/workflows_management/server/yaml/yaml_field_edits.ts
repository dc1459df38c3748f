import { Document, isMap, isNode, isScalar, isSeq, parseDocument, type Pair } from 'yaml';

/** The workflow fields the PUT route (and the list's enabled switch) may edit without sending the YAML. */
export interface WorkflowFieldEdits {
  name?: string;
  description?: string;
  enabled?: boolean;
  tags?: string[];
}

/** Top-level keys in the order a new key is placed after (so `description` lands under `name`, not after `steps`). */
const KEY_ORDER = ['version', 'name', 'description', 'enabled', 'tags'] as const;

export class YamlFieldEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlFieldEditError';
  }
}

/**
 * Writes field edits into the YAML text with the `yaml` Document API, so comments, key order, quoting and the
 * rest of the document survive. Existing scalar nodes are changed in place (a trailing comment on `name:` stays);
 * missing keys are inserted after their nearest predecessor in `version, name, description, enabled, tags`.
 */
export function applyWorkflowFieldEdits(yaml: string, edits: WorkflowFieldEdits): string {
  const entries = Object.entries(edits).filter(([, v]) => v !== undefined) as Array<[keyof WorkflowFieldEdits, unknown]>;
  if (entries.length === 0) return yaml;
  const parsed = parseDocument(yaml);
  if (parsed.errors.length > 0) {
    throw new YamlFieldEditError(
      `The workflow YAML has syntax errors (${parsed.errors[0].message.split('\n')[0]}); fix the YAML before changing ${entries.map(([k]) => k).join(', ')}.`,
    );
  }
  // An empty document (maybe only comments) becomes a mapping that keeps the comments.
  const doc: Document = parsed.contents === null ? Object.assign(new Document({}), { commentBefore: parsed.commentBefore, comment: parsed.comment }) : parsed;
  if (!isMap(doc.contents)) throw new YamlFieldEditError('The workflow YAML is not a mapping, so its fields cannot be edited.');
  for (const [key, value] of entries) setField(doc, key, value);
  // No folding of long lines; flow collections print as `[a, b]`, the common hand-written style.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function setField(doc: Document, key: keyof WorkflowFieldEdits, value: unknown): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  const existing = root.items.find((pair) => keyName(pair) === key);
  if (existing) {
    if (isScalar(existing.value) && !Array.isArray(value)) {
      existing.value.value = value;
      return;
    }
    const flow = isSeq(existing.value) ? existing.value.flow === true : Array.isArray(value) && value.length === 0;
    const node = doc.createNode(value, { flow });
    if (isNode(existing.value) && existing.value.commentBefore) node.commentBefore = existing.value.commentBefore;
    existing.value = node;
    return;
  }
  const pair = doc.createPair(key, value);
  if (Array.isArray(value) && isSeq(pair.value)) pair.value.flow = value.length === 0 || value.every((v) => typeof v === 'string' && !v.includes('\n'));
  const rank = KEY_ORDER.indexOf(key);
  let insertAt = 0;
  root.items.forEach((item, index) => {
    const other = KEY_ORDER.indexOf(keyName(item) as (typeof KEY_ORDER)[number]);
    if (other !== -1 && other < rank) insertAt = index + 1;
  });
  root.items.splice(insertAt, 0, pair);
}

function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
