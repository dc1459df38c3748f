/** Built-in quick prompts (assistant.md §6.3); texts are ours. */

export interface BuiltInQuickPrompt {
  id: string;
  name: string;
  content: string;
  color: string;
  categories: string[];
}

export const BUILT_IN_QUICK_PROMPTS: readonly BuiltInQuickPrompt[] = Object.freeze([
  {
    id: 'alert-summarization-quick-prompt',
    name: 'Alert summarization',
    color: '#F68FBE',
    categories: ['alert'],
    content:
      'As an incident responder, explain what the attached alert shows: what happened, on which host and for which user, how it fits the MITRE ATT&CK tactics involved, and what it means for our organisation. Finish with the first three things to check.',
  },
  {
    id: 'rule-query-generation-quick-prompt',
    name: 'Rule query generation',
    color: '#7DDED8',
    categories: ['detection-rules'],
    content:
      'Write an EQL query I can use in a detection rule for the behaviour I describe next, explain how it works and what it may miss, and name any similar prebuilt Elastic rules I should look at first.',
  },
  {
    id: 'esql-query-generation-quick-prompt',
    name: 'ES|QL query generation',
    color: '#9170B8',
    categories: ['general'],
    content: 'Write an ES|QL query for the need I describe next, and explain each part of it.',
  },
  {
    id: 'workflow-suggestions-quick-prompt',
    name: 'Workflow suggestions',
    color: '#36A2EF',
    categories: [],
    content: 'Suggest a step-by-step security workflow, with the checks and hand-offs at each step, for "…".',
  },
  {
    id: 'custom-data-ingestion-helper-quick-prompt',
    name: 'Custom data ingestion helper',
    color: '#F3D371',
    categories: ['event'],
    content:
      'Help me ingest the data I describe next into Elasticsearch: how to collect it, how to parse it, and how each field maps to the Elastic Common Schema (ECS).',
  },
  {
    id: 'query-conversion-quick-prompt',
    name: 'Query conversion',
    color: '#BADA55',
    categories: [],
    content:
      'Convert the query from another SIEM (for example Splunk SPL) that I paste next into EQL or ES|QL, and point out anything that does not translate one to one.',
  },
  {
    id: 'agent-integration-advice-quick-prompt',
    name: 'Agent integration advice',
    color: '#FFA500',
    categories: [],
    content: 'Which Elastic Agent integration should I use to collect the logs I describe next, and how should I configure it?',
  },
]);

export const isBuiltInQuickPromptId = (id: string) => BUILT_IN_QUICK_PROMPTS.some((p) => p.id === id);
