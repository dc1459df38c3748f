import type { WorkflowDefinition, WorkflowDiagnostic, WorkflowValidationResult } from '../../../../packages/workflows/definition';
import type { ExecutionSummary } from '../../../workflows_execution_engine/server/contract';
import type { WorkflowDetail, WorkflowListItem } from '../contract';

/** The `_source` of a `.workflows-workflows` document (workflow-engine §5.8). */
export interface WorkflowDocument {
  id: string;
  spaceId: string;
  name: string;
  description?: string;
  enabled: boolean;
  valid: boolean;
  tags: string[];
  triggerTypes: string[];
  yaml: string;
  definition: WorkflowDefinition | null;
  validationErrors: WorkflowDiagnostic[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  lastUpdatedBy: string;
  deletedAt: string | null;
}

/** Workflow ids are per space, so the Elasticsearch `_id` carries the space (the same preinstalled id in every space). */
export const workflowDocId = (spaceId: string, id: string) => `${spaceId}:${id}`;

/** `if_seq_no` + `if_primary_term` as one opaque token, like saved objects' `version`. */
export function encodeRevision(seqNo: number, primaryTerm: number): string {
  return Buffer.from(JSON.stringify([seqNo, primaryTerm])).toString('base64url');
}

export function decodeRevision(revision: string): { seqNo: number; primaryTerm: number } | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(revision, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((n) => Number.isInteger(n) && n >= 0)) {
      return { seqNo: parsed[0] as number, primaryTerm: parsed[1] as number };
    }
  } catch {
    // Not base64 JSON: treated as an unknown revision below.
  }
  return undefined;
}

/**
 * A document from a validation result (§1.5 "invalid but saved"): an invalid YAML is stored with `valid: false`,
 * `definition: null`, `enabled: false` and its error diagnostics; name, description and tags come from the YAML either way.
 */
export function buildWorkflowDocument(options: {
  id: string;
  spaceId: string;
  yaml: string;
  validation: WorkflowValidationResult;
  username: string;
  now: string;
  previous?: WorkflowDocument;
}): WorkflowDocument {
  const { validation, previous } = options;
  const definition = validation.valid ? validation.definition : null;
  const description = validation.description ?? definition?.description;
  return {
    id: options.id,
    spaceId: options.spaceId,
    name: validation.name,
    ...(description !== undefined ? { description } : {}),
    enabled: definition !== null && definition.enabled,
    valid: definition !== null,
    tags: [...validation.tags],
    triggerTypes: [...validation.triggerTypes],
    yaml: options.yaml,
    definition,
    validationErrors: definition !== null ? [] : validation.diagnostics.filter((d) => d.severity === 'error'),
    createdAt: previous?.createdAt ?? options.now,
    createdBy: previous?.createdBy ?? options.username,
    updatedAt: options.now,
    lastUpdatedBy: options.username,
    deletedAt: previous?.deletedAt ?? null,
  };
}

export function toWorkflowDetail(doc: WorkflowDocument, revision?: string): WorkflowDetail {
  return {
    id: doc.id,
    name: doc.name,
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    enabled: doc.enabled,
    tags: doc.tags,
    valid: doc.valid,
    ...(doc.valid ? {} : { validationErrors: doc.validationErrors }),
    yaml: doc.yaml,
    definition: doc.definition,
    spaceId: doc.spaceId,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy,
    lastUpdatedAt: doc.updatedAt,
    lastUpdatedBy: doc.lastUpdatedBy,
    ...(revision !== undefined ? { revision } : {}),
    ...(doc.deletedAt ? { deletedAt: doc.deletedAt } : {}),
  };
}

export function toWorkflowListItem(doc: WorkflowDocument, latest: ExecutionSummary | undefined, revision?: string): WorkflowListItem {
  const { yaml: _yaml, definition: _definition, ...rest } = toWorkflowDetail(doc, revision);
  return { ...rest, triggerTypes: doc.triggerTypes, history: latest ? [latest] : [] };
}
