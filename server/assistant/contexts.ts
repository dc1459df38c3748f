import {
  createConversationScrubber,
  createFieldPolicy,
  findLooseningOverrides,
  flattenDocument,
  serializeContext, type FieldPolicy, type FieldRule, type ReplacementsStore } from '../../common/anonymization';
import type { PromptContextInput } from '../../common/api/chat';
import { ChatError } from './errors';
import { tokensToChars } from './token_budget';
import type { AlertsSearch } from './tools';
import { alertsIndexFor } from './tools/alerts_filter';

/** Current-turn contexts (§1.4, §5.4): the space policy plus per-context overrides, serialized within their share. */

export interface SerializedPromptContext {
  id: string;
  category: string;
  description: string;
  serialized: string;
  alertId?: string;
  fieldOverrides?: FieldRule[];
  deniedValues: string[];
}

/** AN-T6: overrides that send more than the space policy need Customize·anonymization. */
export function checkOverrides(policyRules: readonly FieldRule[], contexts: readonly PromptContextInput[], canLoosen: boolean): void {
  if (canLoosen) return;
  const loosening = contexts.flatMap((c) => findLooseningOverrides(policyRules, c.fieldOverrides ?? []).map((o) => o.field));
  if (loosening.length > 0) {
    throw new ChatError(
      403,
      'anonymization_override_forbidden',
      `Sending more than the space's anonymization policy allows (${[...new Set(loosening)].slice(0, 10).join(', ')}) needs the AI Assistant › Customize › Edit anonymization privilege`,
    );
  }
}

/** Alerts come from the space's alias with the user's own client, never from the request (§3.4). */
export async function fetchAlert(searchAlerts: AlertsSearch, spaceId: string, alertId: string): Promise<Record<string, unknown>> {
  let response;
  try {
    response = await searchAlerts({ index: alertsIndexFor(spaceId), size: 1, query: { ids: { values: [alertId] } } });
  } catch (error) {
    const status = (error as { meta?: { statusCode?: unknown } })?.meta?.statusCode;
    if (status === 404) throw new ChatError(404, 'alert_not_found', `Alert ${alertId} not found in space ${spaceId}`);
    if (status === 403 || status === 401) {
      throw new ChatError(403, 'alert_not_found', `You are not allowed to read the alerts of space ${spaceId}`);
    }
    throw error;
  }
  const hit = response.hits.hits[0];
  if (!hit) throw new ChatError(404, 'alert_not_found', `Alert ${alertId} not found in space ${spaceId}`);
  return { ...(hit._source ?? {}), _id: hit._id };
}

/** Room for `text,`, the CSV quotes and the `…[+N chars]` marker around a cut free-text value. */
const TEXT_LINE_OVERHEAD = 64;

export interface SerializeContextsOptions {
  contexts: readonly PromptContextInput[];
  policyRules: readonly FieldRule[];
  store: ReplacementsStore;
  searchAlerts: AlertsSearch;
  spaceId: string;
  minFreeTextLength: number;
  /** Per-context allowance in tokens (40% of the input budget split equally). */
  tokensPerContext: number;
}

function policyFor(rules: readonly FieldRule[], context: PromptContextInput): FieldPolicy {
  return createFieldPolicy(rules, context.fieldOverrides ?? []);
}

export async function serializePromptContexts(options: SerializeContextsOptions): Promise<SerializedPromptContext[]> {
  const maxChars = tokensToChars(options.tokensPerContext);
  // Alerts first: every fetch may fail with a 404 before anything is tokenized.
  const documents = await Promise.all(
    options.contexts.map(async (context) => {
      if (context.source.kind === 'alert') return fetchAlert(options.searchAlerts, options.spaceId, context.source.alertId);
      if (context.source.kind === 'data') return context.source.data;
      return undefined;
    }),
  );
  // Anonymized values of every context are tokenized before any context is scrubbed, so one context's host name
  // inside another's message is caught too.
  const policies = options.contexts.map((c) => policyFor(options.policyRules, c));
  documents.forEach((document, i) => {
    if (document === undefined) return;
    const flat = flattenDocument(document);
    for (const [field, values] of Object.entries(flat)) {
      if (policies[i].disposition(field) === 'anonymized') for (const v of values) options.store.tokenFor(v, field);
    }
  });
  const serialized = options.contexts.map((context, i): SerializedPromptContext => {
    const document = documents[i];
    const policy = policies[i];
    if (document === undefined) {
      // Free text (kind:'text') is serialized as one allowed field and scrubbed like everything else.
      const textPolicy = createFieldPolicy([{ field: 'text', allowed: true, anonymized: false }]);
      const text = context.source.kind === 'text' ? context.source.text : '';
      const serializeText = (maxValueChars: number) =>
        serializeContext({
          id: context.id,
          category: context.category,
          description: context.description,
          document: { text: [text] },
          policy: textPolicy,
          store: options.store,
          minFreeTextLength: options.minFreeTextLength,
          limits: { maxChars, maxValueChars },
        });
      // The value is cut short of the share so its CSV line (`text,` + quoting) still fits: a long text is sent cut
      // with its `…[+N chars]` marker instead of being dropped whole as an omitted field. Quote-heavy text doubles in
      // CSV, hence the halving retries.
      let valueChars = Math.max(0, maxChars - TEXT_LINE_OVERHEAD);
      let result = serializeText(valueChars);
      for (let attempt = 0; attempt < 3 && result.omittedFields > 0 && valueChars > 0; attempt++) {
        valueChars = Math.floor(valueChars / 2);
        result = serializeText(valueChars);
      }
      return { id: context.id, category: context.category, description: context.description, serialized: result.text, deniedValues: [] };
    }
    const result = serializeContext({
      id: context.id,
      category: context.category,
      description: context.description,
      document,
      policy,
      store: options.store,
      minFreeTextLength: options.minFreeTextLength,
      limits: { maxChars },
    });
    return {
      id: context.id,
      category: context.category,
      description: context.description,
      serialized: result.text,
      ...(context.source.kind === 'alert' ? { alertId: context.source.alertId } : {}),
      ...(context.fieldOverrides ? { fieldOverrides: context.fieldOverrides } : {}),
      deniedValues: result.deniedValues,
    };
  });
  // One context's denied value inside another context's allowed field: every block is scrubbed with all of D.
  const denied = serialized.flatMap((c) => c.deniedValues);
  if (denied.length === 0) return serialized;
  const scrub = createConversationScrubber({ store: options.store, denied, minFreeTextLength: options.minFreeTextLength });
  return serialized.map((c) => ({ ...c, serialized: scrub(c.serialized) }));
}
