import { z } from 'zod/v4';
import { createServerStepDefinition, StepCategory } from '../../../../workflows_extensions/common';
import { KIBANA_REQUEST_PATH, spacePath } from './space_path';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const kibanaRequestStepDefinition = createServerStepDefinition({
  id: 'kibana.request',
  label: 'Kibana API request',
  description: "Calls the host's own HTTP API as the user who started the run.",
  category: StepCategory.Kibana,
  stability: 'ga',
  documentation: {
    details:
      'The path is sent **as written** (no space prefix is added): portable workflows write `/s/{{ workflow.spaceId }}/api/…`. ' +
      '`kbn-xsrf` and a JSON content type are added. Output: the parsed response body. Status ≥ 400 fails with `KibanaApiError` ' +
      '(`details {statusCode, body}`).',
    examples: [
      '- name: create_note\n  type: kibana.request\n  with:\n    method: PATCH\n    path: "/s/{{ workflow.spaceId }}/api/note"\n    body:\n      note:\n        eventId: "{{ event.alerts[0]._id }}"\n        note: "Triage started"\n',
    ],
  },
  inputSchema: z.object({
    method: z
      .preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(METHODS))
      .default('GET')
      .describe('HTTP method.'),
    path: z
      .string()
      .regex(KIBANA_REQUEST_PATH, 'path must start with /api/, /internal/ or /s/<space>/')
      .describe('API path, e.g. `/s/{{ workflow.spaceId }}/api/note`.'),
    body: z.unknown().optional().describe('JSON body.'),
    query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().describe('Query-string parameters.'),
    headers: z.record(z.string(), z.string()).optional().describe('Extra request headers.'),
  }),
  outputSchema: z.unknown(),
  async handler({ input, contextManager }) {
    const output = await contextManager.callKibanaApi({
      method: input.method,
      path: input.path,
      ...(input.body === undefined ? {} : { body: input.body }),
      ...(input.query ? { query: input.query } : {}),
      ...(input.headers ? { headers: input.headers } : {}),
    });
    return { output };
  },
});

/** Tags and status routes of the security solution (Kibana's OpenAPI operations SetAlertTags / SetAlertsStatus). */
export const SET_ALERT_TAGS_PATH = '/api/detection_engine/signals/tags';
export const SET_ALERTS_STATUS_PATH = '/api/detection_engine/signals/status';

const alertIds = z.array(z.string().min(1)).min(1);
const tagList = z.array(z.string().trim().min(1));

const updateSummary = z.looseObject({
  took: z.number().optional(),
  total: z.number().optional(),
  updated: z.number().optional(),
  version_conflicts: z.number().optional(),
  noops: z.number().optional(),
  failures: z.array(z.unknown()).optional(),
});

export const setAlertTagsStepDefinition = createServerStepDefinition({
  id: 'kibana.SetAlertTags',
  label: 'Set alert tags',
  description: 'Adds and removes workflow tags on security alerts.',
  category: StepCategory.Kibana,
  stability: 'ga',
  documentation: {
    details:
      '`POST /api/detection_engine/signals/tags` in the run\'s space. Tags become (current ∪ add) ∖ remove; a tag in both lists is rejected. ' +
      'Output: the update summary `{took, total, updated, version_conflicts, noops, failures}`.',
    examples: [
      '- name: tag_alert\n  type: kibana.SetAlertTags\n  with:\n    ids: ["{{ event.alerts[0]._id }}"]\n    tags:\n      tags_to_add: ["ai-triaged"]\n      tags_to_remove: ["needs-triage"]\n',
    ],
  },
  inputSchema: z.object({
    ids: alertIds.describe('Alert ids.'),
    tags: z
      .object({
        tags_to_add: tagList.default([]).describe('Tags to add.'),
        tags_to_remove: tagList.default([]).describe('Tags to remove.'),
      })
      .refine((t) => !t.tags_to_add.some((tag) => t.tags_to_remove.includes(tag)), {
        message: 'Duplicate tags were found in the tags_to_add and tags_to_remove parameters',
      }),
  }),
  outputSchema: updateSummary,
  async handler({ input, contextManager }) {
    const path = spacePath(contextManager.getContext().workflow.spaceId, SET_ALERT_TAGS_PATH);
    const output = await contextManager.callKibanaApi<z.input<typeof updateSummary>>({ method: 'POST', path, body: input });
    return { output };
  },
});

export const ALERT_STATUSES = ['open', 'acknowledged', 'in-progress', 'closed'] as const;
export const CLOSING_REASONS = ['false_positive', 'duplicate', 'true_positive', 'benign_positive', 'automated_closure', 'other'] as const;

export const setAlertsStatusStepDefinition = createServerStepDefinition({
  id: 'kibana.SetAlertsStatus',
  label: 'Set alerts status',
  description: 'Sets the workflow status of security alerts (by ids or by query).',
  category: StepCategory.Kibana,
  stability: 'ga',
  documentation: {
    details:
      '`POST /api/detection_engine/signals/status` in the run\'s space. `reason` is allowed only with `closed`; `in-progress` is stored as `acknowledged`. ' +
      'Output: the update summary.',
    examples: [
      '- name: close_alert\n  type: kibana.SetAlertsStatus\n  with:\n    signal_ids: ["{{ event.alerts[0]._id }}"]\n    status: closed\n    reason: false_positive\n',
    ],
  },
  inputSchema: z
    .object({
      signal_ids: alertIds.optional().describe('Alert ids (or use `query`).'),
      query: z.record(z.string(), z.unknown()).optional().describe('Query DSL selecting the alerts (or use `signal_ids`).'),
      status: z.enum(ALERT_STATUSES).describe('New workflow status.'),
      reason: z.enum(CLOSING_REASONS).optional().describe('Closing reason; only with `closed`.'),
      conflicts: z.enum(['abort', 'proceed']).optional().describe('What to do on version conflicts.'),
    })
    .refine((b) => (b.signal_ids === undefined) !== (b.query === undefined), {
      message: 'Exactly one of signal_ids or query is required',
      path: ['signal_ids'],
    })
    .refine((b) => b.reason === undefined || b.status === 'closed', { message: 'reason is allowed only when status is closed', path: ['reason'] }),
  outputSchema: updateSummary,
  async handler({ input, contextManager }) {
    const path = spacePath(contextManager.getContext().workflow.spaceId, SET_ALERTS_STATUS_PATH);
    const output = await contextManager.callKibanaApi<z.input<typeof updateSummary>>({ method: 'POST', path, body: input });
    return { output };
  },
});

export const kibanaStepDefinitions = [kibanaRequestStepDefinition, setAlertTagsStepDefinition, setAlertsStatusStepDefinition];
