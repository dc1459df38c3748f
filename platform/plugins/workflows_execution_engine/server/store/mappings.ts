/**
 * Explicit mappings of the engine's indices (§5.8). `dynamic: false` keeps unlisted fields in `_source` only;
 * "stored" object fields are `enabled: false` (kept, never indexed). Stored fields that may hold any JSON value
 * (`output`, `error.details`) are deliberately unmapped: a disabled object mapping rejects a string or an array of
 * scalars, and `dynamic: false` keeps them in `_source` unindexed all the same.
 */
const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;
const bool = { type: 'boolean' } as const;
const long = { type: 'long' } as const;
const stored = { type: 'object', enabled: false } as const;
const errorMapping = { properties: { type: keyword, message: { type: 'text' } } } as const;

export const executionsMappings = {
  dynamic: false,
  properties: {
    spaceId: keyword,
    workflowId: keyword,
    workflowName: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
    workflowEnabled: bool,
    status: keyword,
    triggeredBy: keyword,
    executedBy: keyword,
    isTestRun: bool,
    stepId: keyword,
    concurrencyKey: keyword,
    ownerId: keyword,
    cancelRequested: bool,
    createdAt: date,
    queuedAt: date,
    startedAt: date,
    finishedAt: date,
    lastHeartbeatAt: date,
    cancelledAt: date,
    cancelledBy: keyword,
    cancellationReason: { type: 'text' },
    duration: long,
    error: errorMapping,
    principal: stored,
    workflowDefinition: stored,
    context: stored,
    resumeState: stored,
  },
} as const;

export const stepExecutionsMappings = {
  dynamic: false,
  properties: {
    workflowRunId: keyword,
    workflowId: keyword,
    spaceId: keyword,
    stepId: keyword,
    stepType: keyword,
    status: keyword,
    isTestRun: bool,
    topologicalIndex: { type: 'integer' },
    globalExecutionIndex: { type: 'integer' },
    stepExecutionIndex: { type: 'integer' },
    startedAt: date,
    finishedAt: date,
    executionTimeMs: long,
    error: errorMapping,
    scopeStack: stored,
    input: stored,
    state: stored,
  },
} as const;

export const executionLogsMappings = {
  dynamic: false,
  properties: {
    '@timestamp': date,
    sequence: long,
    level: keyword,
    message: { type: 'text' },
    spaceId: keyword,
    workflow: {
      properties: {
        id: keyword,
        name: keyword,
        execution_id: keyword,
        step_id: keyword,
        step_execution_id: keyword,
        step_name: keyword,
        step_type: keyword,
      },
    },
    event: { properties: { action: keyword, outcome: keyword, duration: long } },
    error: { properties: { type: keyword, message: { type: 'text' }, stack_trace: { type: 'text', index: false } } },
    additionalData: stored,
  },
} as const;
